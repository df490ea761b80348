// Every change ends here: who, when, what and on which object. The table is append-only (a
// database trigger refuses UPDATE, DELETE and TRUNCATE).
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";

export interface AuditEntry {
  userId: number | null;
  action: string;
  objectType?: string;
  objectId?: string | number | null;
  details?: Prisma.InputJsonValue;
  ip?: string | null;
}

export async function recordAudit(entry: AuditEntry, client: Pick<Prisma.TransactionClient, "auditLog"> = prisma()) {
  await client.auditLog.create({
    data: {
      userId: entry.userId,
      action: entry.action,
      objectType: entry.objectType ?? null,
      objectId: entry.objectId == null ? null : String(entry.objectId),
      details: entry.details ?? {},
      ip: entry.ip ?? null,
    },
  });
}
