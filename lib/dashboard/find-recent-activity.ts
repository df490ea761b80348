// The latest audit entries (who did what, when) for the dashboard; /audit has the full log.
// Served by the index on audit_log(at).
import { prisma } from "@/lib/db/prisma";

export interface ActivityEntry {
  id: number;
  at: string;
  who: string;
  action: string;
  object: string | null;
}

export async function findRecentActivity(limit = 10): Promise<ActivityEntry[]> {
  const entries = await prisma().auditLog.findMany({
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, at: true, action: true, objectType: true, objectId: true, user: { select: { email: true, name: true } } },
  });
  return entries.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    who: e.user ? (e.user.name ?? e.user.email) : "system",
    action: e.action,
    object: e.objectType ? `${e.objectType}${e.objectId ? ` ${e.objectId}` : ""}` : null,
  }));
}
