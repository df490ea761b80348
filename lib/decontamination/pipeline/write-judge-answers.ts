// Lands a judge batch's replies on their pairs (contamination_candidates.judge_forward/backward),
// in the flush's transaction: each reply read strictly (parseJudgeAnswer), a request that got no
// reply after every retry counted as failed, the raw text kept per order for the review page.
import { judgeOrder } from "@/lib/decontamination/pipeline/judge-pairs-sql";
import { parseJudgeAnswer } from "@/lib/decontamination/pipeline/parse-judge-answer";
import type { FlushDb } from "@/lib/generation/batch-kinds/batch-kind";
import type { StatsDelta } from "@/lib/generation/batches/batch-stats";
import type { BatchSettings } from "@/lib/generation/worker/load-batch-context";
import type { FailureItem, SuccessItem } from "@/lib/generation/worker/result-item";
import { withoutNul } from "@/lib/generation/worker/without-nul";

const JUDGE_VALUE = { true: "said_true", false: "said_false", failed: "failed" } as const;

export async function writeJudgeAnswers(db: FlushDb, ctx: BatchSettings, landed: SuccessItem[], finalFailures: FailureItem[]): Promise<StatsDelta> {
  const tally = { true: 0, false: 0, failed: 0 };
  const byCandidate = new Map<number, { fwd: string | null; bwd: string | null; raw: Record<string, unknown> }>();
  const record = (candidateId: number | null, sampleIndex: number, verdict: "true" | "false" | "failed", raw: Record<string, unknown>) => {
    if (candidateId === null) return;
    tally[verdict]++;
    const entry = byCandidate.get(candidateId) ?? { fwd: null, bwd: null, raw: {} };
    const forward = judgeOrder(sampleIndex) === 0;
    if (forward) entry.fwd = JUDGE_VALUE[verdict];
    else entry.bwd = JUDGE_VALUE[verdict];
    entry.raw[forward ? "forward" : "backward"] = { ...raw, batchId: ctx.id };
    byCandidate.set(candidateId, entry);
  };
  for (const item of landed) {
    const parsed = parseJudgeAnswer(item.text);
    record(item.request.candidateId, item.request.sampleIndex, parsed.verdict, { text: withoutNul(item.text).slice(0, 2000), ...(parsed.verdict === "failed" ? { why: parsed.why } : {}) });
  }
  // No reply after every retry is a judge failure too: it goes to a person, never counts as clean.
  for (const item of finalFailures) {
    record(item.request.candidateId, item.request.sampleIndex, "failed", { text: null, why: `no reply: ${item.error.kind}: ${item.error.message}`.slice(0, 2000) });
  }
  const ids = [...byCandidate.keys()].sort((a, b) => a - b);
  if (ids.length) {
    await db.query(
      `UPDATE contamination_candidates c SET judge_forward = coalesce(d.fwd::"JudgeAnswer", c.judge_forward), judge_backward = coalesce(d.bwd::"JudgeAnswer", c.judge_backward),
         judge_raw = coalesce(c.judge_raw, '{}'::jsonb) || d.raw::jsonb, judge_batch_id = $1
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS d(id, fwd, bwd, raw) WHERE c.id = d.id`,
      [ctx.id, ids, ids.map((id) => byCandidate.get(id)?.fwd ?? null), ids.map((id) => byCandidate.get(id)?.bwd ?? null), ids.map((id) => JSON.stringify(byCandidate.get(id)?.raw ?? {}))],
    );
  }
  return { judge: tally };
}
