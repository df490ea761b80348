// What generation's own kinds (solutions, label, problems) share: each request is one problem of
// the set and one sample index, the prompt is the problem with the few-shot examples its source
// calls for, and a batch is planned by one INSERT ... SELECT over the selected problems.
import { pool } from "@/lib/db/pool";
import { UserFacingError } from "@/lib/errors";
import type { BatchKindPlugin, KindPlanParts, PlanSet, PreviewSample, RequestSource } from "@/lib/generation/batch-kinds/batch-kind";
import type { BatchPlan, ParsedBatchLaunch } from "@/lib/generation/batches/batch-launch-input";
import { createBatch } from "@/lib/generation/batches/create-batch";
import type { PromptTemplate, RenderedPrompt } from "@/lib/generation/prompts/prompt-template";
import { renderPrompt } from "@/lib/generation/prompts/render-prompt";
import { chooseFewShot } from "@/lib/generation/templates/choose-few-shot";

/** The recipe's sampling for generation (section 1). */
const GENERATION_SAMPLING = { temperature: 1.0, topP: 0.95, maxTokens: 2048 } as const;

/** Problem ids a batch covers ($1 set id, $2 limit or NULL), first ones by id; `where` narrows them. */
function selectedProblemsSql(where: string): string {
  return `SELECT id FROM problems WHERE set_id = $1 ${where} ORDER BY id LIMIT $2`;
}

function renderProblem(template: PromptTemplate, request: RequestSource): RenderedPrompt {
  const fewShot = chooseFewShot(template.kind, request.source);
  return renderPrompt(template, { problem: request.problemText, examples: fewShot?.examples ?? [] });
}

/** The plan parts every sample kind shares; judge-only settings are refused by name. */
function samplePlanParts(input: ParsedBatchLaunch, defaultSamples: number): KindPlanParts {
  if (input.threshold !== undefined || input.embeddingThreshold !== undefined) {
    throw new UserFacingError(`Batch settings: a score threshold applies to judge batches only (this is a ${input.kind} batch).`, "leave the threshold out");
  }
  const samplesPerProblem = input.samplesPerProblem ?? defaultSamples;
  return { samplesPerProblem, targetSetName: null, judge: null, nameDetail: "" };
}

async function previewProblems(plan: BatchPlan, problemsSql: string): Promise<PreviewSample> {
  const db = pool();
  const { rows } = await db.query<{ problems: number }>(`SELECT count(*)::int AS problems FROM (${problemsSql}) s`, [plan.set.id, plan.limit]);
  const problems = rows[0]?.problems ?? 0;
  const first = await db.query<{ id: number; text: string; source: string }>(`SELECT id, text, source FROM problems WHERE id IN (${problemsSql}) ORDER BY id LIMIT 1`, [plan.set.id, 1]);
  const avg = await db.query<{ chars: number | null }>(`SELECT avg(length(text))::float AS chars FROM (SELECT text FROM problems WHERE id IN (${problemsSql}) LIMIT 500) s`, [plan.set.id, plan.limit]);
  const row = first.rows[0];
  return {
    problems,
    requests: problems * plan.samplesPerProblem,
    first: row ? { problemId: row.id, sampleIndex: 0, problemText: row.text, source: row.source, otherText: null } : null,
    averageChars: avg.rows[0]?.chars ?? null,
    basis: "the template rendered with this set's first problem, adjusted to the average problem length",
  };
}

/** Solutions (graded or voted): the shipped solution prompt for the endpoint's API. */
export const SOLUTION_TEMPLATES = {
  templateKinds: ["solution-completion", "solution-chat"],
  defaultTemplateName: async (_setId, endpoint) => (endpoint.apiStyle === "completions" ? "openmath-base-completion" : "openmath-chat-solution"),
} satisfies Pick<BatchKindPlugin, "templateKinds" | "defaultTemplateName">;

type SampleKindSpec = Pick<BatchKindPlugin, "name" | "title" | "templateKinds" | "defaultSamples" | "defaultTemplateName" | "land"> &
  Partial<Pick<BatchKindPlugin, "typicalCompletionsFromSet" | "grading" | "storesSamples" | "lockProblemsFirst">> & {
  /** Which problems of the set the batch covers: in words, and as a WHERE fragment over problems. */
  problems: { described: string; where: string };
  /** Refuses a set this kind cannot run on (before the other checks). */
  checkSet?(set: PlanSet): void;
  /** Kind-specific checks and target set, after the shared ones. */
  planParts?(input: ParsedBatchLaunch, set: PlanSet): Partial<KindPlanParts>;
};

/**
 * A plug-in for a kind whose requests are (problem, sample index) pairs of the set. By default
 * replies become solutions, not graded as they land, with typical lengths from the set's solutions.
 */
export function sampleKind(spec: SampleKindSpec): BatchKindPlugin {
  const problemsSql = selectedProblemsSql(spec.problems.where);
  const { problems, checkSet, planParts, ...facts } = spec;
  return {
    typicalCompletionsFromSet: true,
    grading: null,
    storesSamples: true,
    lockProblemsFirst: false,
    ...facts,
    selection: problems.described,
    fixedSamples: false,
    sampling: GENERATION_SAMPLING,
    planParts(input, set) {
      checkSet?.(set);
      const shared = samplePlanParts(input, spec.defaultSamples);
      return { ...shared, ...planParts?.(input, set) };
    },
    create: (plan, actor, beforeCommit) => createBatch(plan, actor, { problemsSql, selection: problems.described }, beforeCommit),
    previewSample: (plan) => previewProblems(plan, problemsSql),
    render: renderProblem,
    // A problem's N samples share one rendering.
    renderKey: (request) => String(request.problemId),
  };
}
