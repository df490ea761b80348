// The preview a person sees before launching: request count and a token estimate. Counting runs
// only when asked for (the launch form's "review" step, `batch create --dry-run`), never on a page
// load. What is counted and which first request is rendered is the kind's (its plug-in's
// previewSample: the set's problems, or for the judge the pairs createJudgeBatch would plan).
import { pool } from "@/lib/db/pool";
import { batchKind } from "@/lib/generation/batch-kinds/registry";
import type { BatchPlan } from "@/lib/generation/batches/batch-launch-input";

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
  const kind = batchKind(plan.kind);
  const { problems, requests, first, averageChars, basis } = await kind.previewSample(plan);
  let promptChars = 0;
  if (first) {
    const rendered = kind.render(plan.template.template, first);
    const renderedChars = rendered.api === "completions" ? rendered.prompt.length : rendered.messages.reduce((sum, m) => sum + m.content.length + 16, 0);
    const sampleChars = first.problemText.length + (first.otherText?.length ?? 0);
    promptChars = renderedChars - sampleChars + (averageChars ?? sampleChars);
  }
  let typicalTokens: number | null = null;
  if (kind.typicalCompletionsFromSet) {
    const typical = await pool().query<{ tokens: number | null }>(
      `SELECT avg(completion_tokens)::float AS tokens FROM (SELECT completion_tokens FROM samples WHERE set_id = $1 AND completion_tokens IS NOT NULL ORDER BY id DESC LIMIT 500) s`,
      [plan.set.id],
    );
    typicalTokens = typical.rows[0]?.tokens ?? null;
  }
  return {
    problems,
    requests,
    promptTokensEstimate: approxTokens(promptChars) * requests,
    completionTokensUpperBound: requests * plan.maxTokens,
    completionTokensTypical: typicalTokens === null ? null : Math.round(typicalTokens * requests),
    method:
      `prompt: ${basis}, at ~4 characters per token; ` +
      "completion: at most max tokens per request" +
      (typicalTokens === null ? "" : `, typically ~${Math.round(typicalTokens)} per request (the set's latest 500 solutions)`),
  };
}
