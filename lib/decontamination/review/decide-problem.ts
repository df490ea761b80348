// A person's decision on a problem: contaminated, clean or unsure. One transaction: the decision
// row (who, when, the note, and a snapshot of the evidence the reviewer had in front of them:
// the pairs with their texts, scores and judge answers, and the status before), the problem's
// status (contaminated / cleared / unsure), and an audit entry.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/prisma";
import { describeNearCopy, pairNeedingClearConfirmation } from "@/lib/decontamination/review/clear-confirmation";
import { NotFoundError, UserFacingError } from "@/lib/errors";

export const DECISIONS = ["contaminated", "clean", "unsure"] as const;
export type DecisionName = (typeof DECISIONS)[number];

/** The status a decision sets: "clean" by a person is "cleared" (checked by someone, kept). */
export const STATUS_OF_DECISION: Record<DecisionName, "contaminated" | "cleared" | "unsure"> = {
  contaminated: "contaminated",
  clean: "cleared",
  unsure: "unsure",
};

export interface DecisionInput {
  problemId: number;
  decision: DecisionName;
  note?: string | null;
  /** The pairs the page showed (candidate ids), kept with the evidence. */
  shownCandidateIds?: number[];
  /** The person confirmed clearing an exact or near-exact copy (see clear-confirmation.ts). */
  confirmedNearCopy?: boolean;
}

export interface DecisionEvidence {
  statusBefore: string;
  shownCandidateIds: number[] | null;
  pairs: {
    candidateId: number;
    benchmarkId: number;
    benchmarkSet: string;
    benchmarkKey: string;
    benchmarkText: string;
    score: number;
    embeddingScore: number | null;
    exact: boolean;
    evidence: unknown;
    judgeForward: string | null;
    judgeBackward: string | null;
    judgeRaw: unknown;
  }[];
}

export async function decideProblem(input: DecisionInput, userId: number): Promise<{ decisionId: number; status: string; statusBefore: string }> {
  return prisma().$transaction(async (tx) => {
    const [problem] = await tx.$queryRaw<{ id: number; status: string }[]>`
      SELECT id, contamination_status::text AS status FROM problems WHERE id = ${input.problemId} FOR UPDATE`;
    if (!problem) throw new NotFoundError(`Problem #${input.problemId}`);
    const pairs = await tx.$queryRaw<
      { id: number; benchmark_problem_id: number; set_name: string; source_key: string; text: string; score: number; embedding_score: number | null; exact: boolean; evidence: unknown; judge_forward: string | null; judge_backward: string | null; judge_raw: unknown }[]
    >`SELECT c.id, c.benchmark_problem_id, s.name AS set_name, b.source_key, b.text, c.score, c.embedding_score, c.exact, c.evidence,
             c.judge_forward::text, c.judge_backward::text, c.judge_raw
      FROM contamination_candidates c JOIN problems b ON b.id = c.benchmark_problem_id JOIN problem_sets s ON s.id = b.set_id
      WHERE c.problem_id = ${input.problemId} ORDER BY c.exact DESC, c.score DESC, c.id LIMIT 50`;
    if (input.decision === "clean" && !input.confirmedNearCopy) {
      const copy = pairNeedingClearConfirmation(pairs.map((c) => ({ exact: c.exact, score: c.score, benchmarkSet: c.set_name, benchmarkKey: c.source_key })));
      if (copy) throw new UserFacingError(`Problem #${input.problemId} has ${describeNearCopy(copy)}: clearing it needs a confirmation. Nothing was changed.`);
    }
        const evidence: DecisionEvidence = {
      statusBefore: problem.status,
      shownCandidateIds: input.shownCandidateIds ?? null,
      pairs: pairs.map((c) => ({
        candidateId: c.id,
        benchmarkId: c.benchmark_problem_id,
        benchmarkSet: c.set_name,
        benchmarkKey: c.source_key,
        benchmarkText: c.text,
        score: c.score,
        embeddingScore: c.embedding_score,
        exact: c.exact,
        evidence: c.evidence,
        judgeForward: c.judge_forward,
        judgeBackward: c.judge_backward,
        judgeRaw: c.judge_raw,
      })),
    };
    const note = input.note?.trim() ? input.note.trim().slice(0, 5_000) : null;
    const status = STATUS_OF_DECISION[input.decision];
    const decision = await tx.contaminationDecision.create({
      data: { problemId: input.problemId, decision: input.decision, note, userId, evidence: evidence as never },
    });
    await tx.$executeRaw`UPDATE problems SET contamination_status = ${status}::"ContaminationStatus" WHERE id = ${input.problemId}`;
    await recordAudit(
      { userId, action: "decontam.decide", objectType: "problem", objectId: input.problemId, details: { decisionId: decision.id, decision: input.decision, note, statusBefore: problem.status, status } },
      tx,
    );
    return { decisionId: decision.id, status, statusBefore: problem.status };
  });
}
