// Renaming and archiving a problem set: small, immediate, audited in the same transaction.
// Deletion is a job (delete-set.ts) because a set can hold millions of solutions.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, UserFacingError } from "@/lib/errors";

export const SET_NAME_MAX = 200;

/** Trimmed, single-line, 1..200 characters; the message says what is wrong. */
export function checkSetName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0) throw new UserFacingError("A set needs a name.");
  if (name.length > SET_NAME_MAX) throw new UserFacingError(`A set name has at most ${SET_NAME_MAX} characters (this one has ${name.length}).`);
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) throw new UserFacingError("A set name cannot contain control characters or line breaks.");
  return name;
}

export async function renameSet(setId: number, rawName: string, actorId: number | null): Promise<{ id: number; name: string }> {
  const name = checkSetName(rawName);
  return prisma().$transaction(async (tx) => {
    const set = await tx.problemSet.findUnique({ where: { id: setId }, select: { id: true, name: true } });
    if (!set) throw new NotFoundError(`Problem set #${setId}`);
    if (set.name === name) return set;
    const taken = await tx.problemSet.findUnique({ where: { name }, select: { id: true } });
    if (taken) throw new UserFacingError(`Another set (#${taken.id}) is already called "${name}".`, "choose another name");
    const renamed = await tx.problemSet.update({ where: { id: setId }, data: { name }, select: { id: true, name: true } });
    await recordAudit({ userId: actorId, action: "set.rename", objectType: "problem_set", objectId: setId, details: { from: set.name, to: name } }, tx);
    return renamed;
  });
}

export async function setSetArchived(setId: number, archived: boolean, actorId: number | null): Promise<{ id: number; archivedAt: string | null }> {
  return prisma().$transaction(async (tx) => {
    const set = await tx.problemSet.findUnique({ where: { id: setId }, select: { id: true, archivedAt: true } });
    if (!set) throw new NotFoundError(`Problem set #${setId}`);
    if ((set.archivedAt !== null) === archived) return { id: set.id, archivedAt: set.archivedAt?.toISOString() ?? null };
    const updated = await tx.problemSet.update({ where: { id: setId }, data: { archivedAt: archived ? new Date() : null }, select: { id: true, archivedAt: true } });
    await recordAudit({ userId: actorId, action: archived ? "set.archive" : "set.unarchive", objectType: "problem_set", objectId: setId }, tx);
    return { id: updated.id, archivedAt: updated.archivedAt?.toISOString() ?? null };
  });
}
