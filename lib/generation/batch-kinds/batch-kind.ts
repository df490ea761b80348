// A batch kind as a plug-in: everything the generation machinery (launch, preview, the runner, the
// flush) needs to know about one kind of batch, so that machinery never asks "is this a judge
// batch?". Generation's own kinds (solutions, label, problems) are in this folder; the LLM judge
// is decontamination's (lib/decontamination/pipeline/judge-batch-kind.ts). They are listed in one
// table, registry.ts, the only file of lib/generation that imports lib/decontamination.
// Types only: a plug-in imports this, and the machinery imports the registry.
import type pg from "pg";
import type { Actor } from "@/lib/audit/actor";
import type { BatchKindName, BatchPlan, ParsedBatchLaunch } from "@/lib/generation/batches/batch-launch-input";
import type { StatsDelta } from "@/lib/generation/batches/batch-stats";
import type { BeforeCommit, CreatedBatch } from "@/lib/generation/batches/create-batch";
import type { EndpointView } from "@/lib/generation/endpoints/list-endpoints";
import type { PromptTemplate, PromptTemplateKind, RenderedPrompt } from "@/lib/generation/prompts/prompt-template";
import type { BatchSettings } from "@/lib/generation/worker/load-batch-context";
import type { FailureItem, SuccessItem } from "@/lib/generation/worker/result-item";

/** What a request's prompt is made from: its problem (and, for a pair, the other problem). */
export interface RequestSource {
  problemId: number;
  sampleIndex: number;
  problemText: string;
  source: string;
  otherText: string | null;
}

/** The plain facts of a kind, which the launch form shows (no functions: they cross to the browser). */
export interface BatchKindFacts {
  name: BatchKindName;
  title: string;
  /** The prompt template kinds a batch of this kind can be launched with. */
  templateKinds: readonly PromptTemplateKind[];
  /** Samples per problem when none is given. */
  defaultSamples: number;
  /** The kind sets the samples per problem itself (the judge asks each pair in both orders). */
  fixedSamples: boolean;
  sampling: { temperature: number; topP: number; maxTokens: number };
  /** What the batch's requests cover, in words (the batch's selection, the preview, refusals). */
  selection: string;
}

/** The parts of a plan that depend on the kind. */
export type KindPlanParts = Pick<BatchPlan, "samplesPerProblem" | "targetSetName" | "judge"> & {
  /** Added to the batch's default name (after the set's). */
  nameDetail: string;
};

/** The set a plan is for, as resolve-batch-plan found it. */
export interface PlanSet {
  id: number;
  name: string;
  role: string;
}

/** What the preview's estimate is made from: the counts and a first request to render. */
export interface PreviewSample {
  problems: number;
  requests: number;
  first: RequestSource | null;
  /** Average characters of the problem texts a prompt carries (null: none to average). */
  averageChars: number | null;
  /** How the prompt estimate was made, in words. */
  basis: string;
}

export type FlushDb = Pick<pg.PoolClient, "query">;

export interface BatchKindPlugin extends BatchKindFacts {
  // Launching.
  /** The shipped template a batch uses when none is named. */
  defaultTemplateName(setId: number, endpoint: EndpointView): Promise<string>;
  /** Checks the kind's own rules (throws a UserFacingError naming the field) and fills its plan parts. */
  planParts(input: ParsedBatchLaunch, set: PlanSet): KindPlanParts;
  /**
   * Creates the batch and all its requests for the actor, in one transaction, and runs
   * `beforeCommit` in it (the launch's offline pause and its audit entry).
   */
  create(plan: BatchPlan, actor: Actor, beforeCommit: BeforeCommit): Promise<CreatedBatch>;
  previewSample(plan: BatchPlan): Promise<PreviewSample>;
  /** The preview may quote typical completion lengths from the set's latest solutions. */
  typicalCompletionsFromSet: boolean;
  /** Sends what follows a batch besides its runners, when it starts or reopens (the judge: the settle job). */
  follow?(batchId: number): Promise<void>;

  // Running.
  render(template: PromptTemplate, request: RequestSource): RenderedPrompt;
  /** Requests with the same key share one rendering. */
  renderKey(request: RequestSource): string;
  /** How a landed reply is graded when it lands: against the gold answer, for a later vote, or not at all. */
  grading: "gold" | "vote" | null;
  /** Landed replies become solutions (samples rows); otherwise `land` stores them. */
  storesSamples: boolean;
  /** Lock the touched problems before the samples are written (a vote must see all of them). */
  lockProblemsFirst: boolean;
  /** Writes what this kind makes of the flush's landed replies and final failures, in its transaction. */
  land?(db: FlushDb, ctx: BatchSettings, landed: SuccessItem[], finalFailures: FailureItem[]): Promise<StatsDelta>;
}
