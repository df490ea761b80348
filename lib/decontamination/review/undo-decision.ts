// Undo of a decontamination decision: the decision stays for the record with undone_at set, and
// the problem's status goes back to what it was before that decision (kept in its evidence).
// Only the latest standing decision on a problem can be undone, and only by its author, so an
// undo never silently reverts someone else's later call.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import type { DecisionEvidence } from "@/lib/decontamination/review/decide-problem";

export async function undoContaminationDecision(decisionId: number, userId: number): Promise<{ problemId: number; status: string }> {
  return prisma().$transaction(async (tx) => {
    const decision = await tx.contaminationDecision.findUnique({ where: { id: decisionId } });
    if (!decision) throw new NotFoundError(`Decision #${decisionId}`);
    if (decision.userId !== userId) throw new UserFacingError(`Decision #${decisionId} is someone else's.`, "only its author can undo it; add your own decision instead");
    if (decision.undoneAt) throw new UserFacingError(`Decision #${decisionId} was already undone.`);
    await tx.$queryRaw`SELECT id FROM problems WHERE id = ${decision.problemId} FOR UPDATE`;
    const [latest] = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM contamination_decisions WHERE problem_id = ${decision.problemId} AND undone_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1`;
    if (latest?.id !== decisionId) {
      throw new UserFacingError(`Decision #${decisionId} is no longer the latest on problem #${decision.problemId}.`, "add a new decision instead of undoing this one");
    }
    const status = (decision.evidence as unknown as DecisionEvidence | null)?.statusBefore ?? "candidate";
    await tx.$executeRaw`UPDATE contamination_decisions SET undone_at = now() WHERE id = ${decisionId}`;
    await tx.$executeRaw`UPDATE problems SET contamination_status = ${status}::"ContaminationStatus" WHERE id = ${decision.problemId}`;
    await recordAudit({ userId, action: "decontam.undo", objectType: "problem", objectId: decision.problemId, details: { decisionId, undone: decision.decision, restoredStatus: status } }, tx);
    return { problemId: decision.problemId, status };
  });
}
