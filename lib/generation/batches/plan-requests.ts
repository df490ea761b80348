// Which problems a batch covers, as SQL, and the preview a person sees before launching: request
// count and a token estimate. Counting runs only when asked for (the launch form's "review" step,
// `batch create --dry-run`), never on a page load. Judge batches count the pairs decontamination's
// judgePairsSql selects, the same query createJudgeBatch plans with.
import { pool } from "@/lib/db/pool";
import { judgePairsSql } from "@/lib/decontamination/pipeline/judge-pairs-sql";
import { countJudgePairs } from "@/lib/decontamination/pipeline/launch-judge-batch";
import type { BatchPlan } from "@/lib/generation/batches/resolve-batch-plan";
import { renderPrompt } from "@/lib/generation/prompts/render-prompt";
import { chooseFewShot } from "@/lib/generation/templates/choose-few-shot";

/** Problem ids a batch covers ($1 set id, $2 limit or NULL), first ones by id. */
export function selectedProblemsSql(kind: BatchPlan["kind"]): string {
  const filter = kind === "solutions" ? "AND gold_answer IS NOT NULL" : kind === "label" ? "AND gold_source <> 'dataset'" : "";
  return `SELECT id FROM problems WHERE set_id = $1 ${filter} ORDER BY id LIMIT $2`;
}

export const SELECTION_DESCRIPTIONS: Record<BatchPlan["kind"], string> = {
  solutions: "problems of the set with a gold answer",
  problems: "every problem of the set, as seeds",
  label: "problems of the set without a dataset answer",
  judge: "close retrieval pairs (score or embedding threshold, not exact, not yet answered in both orders) of the set's problems, both orders",
};

export interface BatchPreview {
  problems: number;
  requests: number;
  promptTokensEstimate: number;
  completionTokensUpperBound: number;
  completionTokensTypical: number | null;
  /** How the estimate was made, shown beside it. */
  method: string;
}

const approxTokens = (chars: number) => Math.ceil(chars / 4);

export async function previewBatch(plan: BatchPlan): Promise<BatchPreview> {
  const db = pool();
  const limit = plan.limit;
  let problems: number;
  let requests: number;
  let sample: { text: string; other: string | null; source: string } | undefined;
  /** Average characters of the problem texts a prompt carries, and those of the sample. */
  let averageChars: number | null;
  let sampleChars = 0;
  if (plan.kind === "judge") {
    // The same pairs createJudgeBatch plans (judgePairsSql), so the preview is what gets created.
    const judge = plan.judge;
    if (!judge) throw new Error("a judge batch plan without its thresholds (resolveBatchPlan sets them)");
    const counted = await countJudgePairs(plan.set.id, judge.threshold, judge.embeddingThreshold, limit);
    problems = counted.problems;
    requests = counted.pairs * 2;
    const first = await db.query<{ text: string; other: string; source: string; chars: number }>(
      `WITH pairs AS (SELECT j.id FROM (${judgePairsSql()}) j ORDER BY j.problem_id, j.pos LIMIT 500)
       SELECT p.text, b.text AS other, p.source, (avg(length(p.text) + length(b.text)) OVER ())::float AS chars
       FROM pairs JOIN contamination_candidates c ON c.id = pairs.id JOIN problems p ON p.id = c.problem_id JOIN problems b ON b.id = c.benchmark_problem_id
       ORDER BY c.problem_id, c.rank, c.id LIMIT 1`,
      [plan.set.id, judge.threshold, judge.embeddingThreshold, limit],
    );
    sample = first.rows[0];
    averageChars = first.rows[0]?.chars ?? null;
    sampleChars = sample ? sample.text.length + (sample.other?.length ?? 0) : 0;
  } else {
    const { rows } = await db.query<{ problems: number }>(`SELECT count(*)::int AS problems FROM (${selectedProblemsSql(plan.kind)}) s`, [plan.set.id, limit]);
    problems = rows[0]?.problems ?? 0;
    requests = problems * plan.samplesPerProblem;
    const first = await db.query<{ text: string; source: string }>(`SELECT text, source FROM problems WHERE id IN (${selectedProblemsSql(plan.kind)}) ORDER BY id LIMIT 1`, [plan.set.id, 1]);
    sample = first.rows[0] ? { ...first.rows[0], other: null } : undefined;
    const avg = await db.query<{ chars: number | null }>(
      `SELECT avg(length(text))::float AS chars FROM (SELECT text FROM problems WHERE id IN (${selectedProblemsSql(plan.kind)}) LIMIT 500) s`,
      [plan.set.id, limit],
    );
    averageChars = avg.rows[0]?.chars ?? null;
    sampleChars = sample?.text.length ?? 0;
  }
  let promptChars = 0;
  if (sample) {
    const template = plan.template.template;
    const fewShot = chooseFewShot(template.kind, sample.source);
    const rendered =
      template.kind === "judge"
        ? renderPrompt(template, { problem_1: sample.text, problem_2: sample.other ?? sample.text })
        : renderPrompt(template, { problem: sample.text, examples: fewShot?.examples ?? [] });
    const renderedChars = rendered.api === "completions" ? rendered.prompt.length : rendered.messages.reduce((sum, m) => sum + m.content.length + 16, 0);
    promptChars = renderedChars - sampleChars + (averageChars ?? sampleChars);
  }
  const typical = await db.query<{ tokens: number | null }>(
    `SELECT avg(completion_tokens)::float AS tokens FROM (SELECT completion_tokens FROM samples WHERE set_id = $1 AND completion_tokens IS NOT NULL ORDER BY id DESC LIMIT 500) s`,
    [plan.set.id],
  );
  const typicalTokens = plan.kind === "judge" || plan.kind === "problems" ? null : typical.rows[0]?.tokens ?? null;
  return {
    problems,
    requests,
    promptTokensEstimate: approxTokens(promptChars) * requests,
    completionTokensUpperBound: requests * plan.maxTokens,
    completionTokensTypical: typicalTokens === null ? null : Math.round(typicalTokens * requests),
    method:
      (plan.kind === "judge"
        ? "prompt: the template rendered with the first pair to ask, adjusted to the average length of the pairs' two texts, at ~4 characters per token; "
        : "prompt: the template rendered with this set's first problem, adjusted to the average problem length, at ~4 characters per token; ") +
      "completion: at most max tokens per request" +
      (typicalTokens === null ? "" : `, typically ~${Math.round(typicalTokens)} per request (the set's latest 500 solutions)`),
  };
}
