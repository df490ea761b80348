// Every change ends here: who, when, what and on which object. The table is append-only (a
// database trigger refuses UPDATE, DELETE and TRUNCATE).
//
// Pass the transaction that makes the change, whichever client it belongs to (a Prisma
// transaction client from prisma().$transaction, or a pg client from inTransaction in
// lib/db/in-transaction.ts): the entry then commits or rolls back with the change it describes.
// Without one the entry is written on its own (for events that are not a database change, such
// as a sign-in or an endpoint test).
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import type { DbTransaction, PgTransaction } from "@/lib/db/transaction";

export interface AuditEntry {
  userId: number | null;
  action: string;
  objectType?: string;
  objectId?: string | number | null;
  details?: Prisma.InputJsonValue;
  ip?: string | null;
}

// A pg client has query(); Prisma's transaction client has none (its raw SQL is $queryRaw).
const isPg = (tx: DbTransaction): tx is PgTransaction => typeof (tx as Partial<PgTransaction>).query === "function";

export async function recordAudit(entry: AuditEntry, tx: DbTransaction = prisma()): Promise<void> {
  const row = {
    userId: entry.userId,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId == null ? null : String(entry.objectId),
    details: entry.details ?? {},
    ip: entry.ip ?? null,
  };
  if (isPg(tx)) {
    await tx.query("INSERT INTO audit_log (user_id, action, object_type, object_id, details, ip) VALUES ($1, $2, $3, $4, $5::jsonb, $6)", [
      row.userId,
      row.action,
      row.objectType,
      row.objectId,
      JSON.stringify(row.details),
      row.ip,
    ]);
  } else {
    await tx.auditLog.create({ data: row });
  }
}
