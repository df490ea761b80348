// The LLM judge as a batch kind (recipe section 6, step 3): decontamination's plug-in into the
// generation machinery (the interface is lib/generation/batch-kinds/batch-kind.ts). A judge batch
// asks each close retrieval pair of a synthetic set in both orders, greedily, and lands the strict
// True/False on the pair; the settle job follows it and moves the problems' statuses.
import { countJudgePairs, createJudgeBatch, followJudgeBatch } from "@/lib/decontamination/pipeline/create-judge-batch";
import { judgeOrder, judgePairsSql } from "@/lib/decontamination/pipeline/judge-pairs-sql";
import { DEFAULT_EMBEDDING_THRESHOLD } from "@/lib/decontamination/pipeline/run-retrieval";
import { writeJudgeAnswers } from "@/lib/decontamination/pipeline/write-judge-answers";
import { DEFAULT_FLAG_THRESHOLD } from "@/lib/decontamination/retrieve";
import { pool } from "@/lib/db/pool";
import { UserFacingError } from "@/lib/errors";
import type { BatchKindPlugin } from "@/lib/generation/batch-kinds/batch-kind";
import { renderPrompt } from "@/lib/generation/prompts/render-prompt";

export const judgeKind: BatchKindPlugin = {
  name: "judge",
  title: "LLM judge for decontamination candidates",
  templateKinds: ["judge"],
  defaultSamples: 2,
  // One request per pair and order, whichever way the batch is launched.
  fixedSamples: true,
  // Greedy, as the recipe's judge is; a bare True/False needs few tokens.
  sampling: { temperature: 0, topP: 1, maxTokens: 32 },
  selection: "close retrieval pairs (score or embedding threshold, not exact, not yet answered in both orders) of the set's problems, both orders",

  defaultTemplateName: async () => "contamination-judge",
  planParts(input, set) {
    if (set.role !== "synthetic") {
      throw new UserFacingError(`Set "${set.name}" is a ${set.role} set; decontamination checks synthesized problems only.`, "choose the synthetic set whose retrieval pairs the judge should ask about");
    }
    const judge = { threshold: input.threshold ?? DEFAULT_FLAG_THRESHOLD, embeddingThreshold: input.embeddingThreshold ?? DEFAULT_EMBEDDING_THRESHOLD };
    return { samplesPerProblem: 2, targetSetName: null, judge, nameDetail: ` · score ≥ ${judge.threshold}` };
  },
  async create(plan, actor, beforeCommit) {
    const launched = await createJudgeBatch(plan, actor, beforeCommit);
    return { id: launched.batchId, requestCount: launched.requests, problemCount: launched.problems };
  },
  async previewSample(plan) {
    const judge = plan.judge;
    if (!judge) throw new Error("a judge batch plan without its thresholds (planParts sets them)");
    // The same pairs createJudgeBatch plans (judgePairsSql), so the preview is what gets created.
    const counted = await countJudgePairs(plan.set.id, judge.threshold, judge.embeddingThreshold, plan.limit);
    const first = await pool().query<{ problem_id: number; text: string; other: string; source: string; chars: number }>(
      `WITH pairs AS (SELECT j.id FROM (${judgePairsSql()}) j ORDER BY j.problem_id, j.pos LIMIT 500)
       SELECT p.id AS problem_id, p.text, b.text AS other, p.source, (avg(length(p.text) + length(b.text)) OVER ())::float AS chars
       FROM pairs JOIN contamination_candidates c ON c.id = pairs.id JOIN problems p ON p.id = c.problem_id JOIN problems b ON b.id = c.benchmark_problem_id
       ORDER BY c.problem_id, c.rank, c.id LIMIT 1`,
      [plan.set.id, judge.threshold, judge.embeddingThreshold, plan.limit],
    );
    const row = first.rows[0];
    return {
      problems: counted.problems,
      requests: counted.pairs * 2,
      first: row ? { problemId: row.problem_id, sampleIndex: 0, problemText: row.text, source: row.source, otherText: row.other } : null,
      averageChars: row?.chars ?? null,
      basis: "the template rendered with the first pair to ask, adjusted to the average length of the pairs' two texts",
    };
  },
  typicalCompletionsFromSet: false,
  follow: followJudgeBatch,

  render(template, request) {
    const other = request.otherText ?? "";
    const forward = judgeOrder(request.sampleIndex) === 0;
    return renderPrompt(template, { problem_1: forward ? request.problemText : other, problem_2: forward ? other : request.problemText });
  },
  renderKey: (request) => `${request.problemId}:${request.sampleIndex}`,
  grading: null,
  storesSamples: false,
  lockProblemsFirst: false,
  land: writeJudgeAnswers,
};
