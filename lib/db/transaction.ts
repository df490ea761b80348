// The one type for "the transaction this change runs in", whichever client opened it: a pg client
// checked out by inTransaction (lib/db/in-transaction.ts), or Prisma's transaction client inside
// prisma().$transaction. Library functions that write inside a caller's transaction (recordAudit
// first of all) take this, so a pg path and a Prisma path share them. lib/db/README.md says
// which client to use when.
import type pg from "pg";
import type { Prisma } from "@/lib/db/generated/client";

export type PgTransaction = Pick<pg.ClientBase, "query">;
export type PrismaTransaction = Prisma.TransactionClient;

export type DbTransaction = PgTransaction | Pick<PrismaTransaction, "auditLog">;
