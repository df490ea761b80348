// Turns launch input into a checked plan: the set, endpoint and exact template version exist and
// fit together (a completion template needs a completions endpoint, a label batch a synthetic
// set, a judge batch a synthetic set, ...). Every refusal names the field and the fix. Reads
// only; nothing is written here.
import { DEFAULT_EMBEDDING_THRESHOLD } from "@/lib/decontamination/pipeline/run-retrieval";
import { DEFAULT_FLAG_THRESHOLD } from "@/lib/decontamination/retrieve";
import { requireProblemSet } from "@/lib/datasets/sets/find-problem-sets";
import { prisma } from "@/lib/db/prisma";
import { UserFacingError } from "@/lib/errors";
import { findEndpointView, type EndpointView } from "@/lib/generation/endpoints/list-endpoints";
import type { PromptTemplate } from "@/lib/generation/prompts/prompt-template";
import { isGsm8kSource } from "@/lib/generation/templates/choose-few-shot";
import { ensureDefaultTemplates } from "@/lib/generation/templates/ensure-default-templates";
import { findTemplate } from "@/lib/generation/templates/list-templates";
import { type BatchKindName, BatchLaunchSchema, type BatchLaunchInput, DEFAULT_SAMPLES, SAMPLING_DEFAULTS } from "@/lib/generation/batches/batch-launch-input";

export interface BatchPlan {
  kind: BatchKindName;
  name: string;
  set: { id: number; name: string; role: string };
  endpoint: EndpointView;
  template: { id: number; template: PromptTemplate };
  samplesPerProblem: number;
  limit: number | null;
  temperature: number;
  topP: number;
  maxTokens: number;
  seedBase: number;
  targetSetName: string | null;
  /** Judge batches: which retrieval pairs are asked (lib/decontamination/pipeline/judge-pairs-sql.ts). */
  judge: { threshold: number; embeddingThreshold: number } | null;
}

const TEMPLATE_KINDS: Record<BatchKindName, PromptTemplate["kind"][]> = {
  solutions: ["solution-completion", "solution-chat"],
  label: ["solution-completion", "solution-chat"],
  problems: ["problem-inspired", "problem-similar"],
  judge: ["judge"],
};

async function defaultTemplateName(kind: BatchKindName, setId: number, endpoint: EndpointView): Promise<string> {
  if (kind === "judge") return "contamination-judge";
  if (kind === "problems") {
    const first = await prisma().problem.findFirst({ where: { setId }, orderBy: { id: "asc" }, select: { source: true } });
    return isGsm8kSource(first?.source) ? "openmath-similar-problem" : "openmath-inspired-problem";
  }
  return endpoint.apiStyle === "completions" ? "openmath-base-completion" : "openmath-chat-solution";
}

export async function resolveBatchPlan(raw: BatchLaunchInput): Promise<BatchPlan> {
  const parsed = BatchLaunchSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserFacingError(`Batch settings: ${issue?.path.join(".") || "input"}: ${issue?.message}.`);
  }
  const input = parsed.data;
  await ensureDefaultTemplates();
  const { id, name, role } = await requireProblemSet(input.set, { hint: "list the sets on the dashboard, or import one first" });
  const set = { id, name, role };
  const endpoint = await findEndpointView(input.endpoint);
  if (!endpoint) throw new UserFacingError(`Endpoint "${input.endpoint}" was not found.`, "add it with `npx boxed endpoint add` or in Settings → Endpoints");
  if (endpoint.disabled) throw new UserFacingError(`Endpoint "${endpoint.name}" is disabled.`, "enable it in Settings → Endpoints, or choose another");

  const templateRef = input.template ?? (await defaultTemplateName(input.kind, set.id, endpoint));
  const template = await findTemplate(typeof templateRef === "number" ? { id: templateRef } : { name: templateRef });
  if (!template) throw new UserFacingError(`Prompt template "${templateRef}" was not found.`, "see the Templates page for the names");
  if (template.disabled) throw new UserFacingError(`Prompt template "${template.template.name}" is disabled.`, "enable it on the Templates page, or choose another");
  const allowed = TEMPLATE_KINDS[input.kind];
  if (!allowed.includes(template.template.kind)) {
    throw new UserFacingError(`Template "${template.template.name}" is a ${template.template.kind} template; a ${input.kind} batch needs ${allowed.join(" or ")}.`, "choose another template");
  }
  const wantsCompletions = template.template.kind === "solution-completion";
  if (wantsCompletions !== (endpoint.apiStyle === "completions")) {
    throw new UserFacingError(
      `Template "${template.template.name}" needs a ${wantsCompletions ? "completions" : "chat"} endpoint, but "${endpoint.name}" uses the ${endpoint.apiStyle} API.`,
      wantsCompletions ? "choose a chat template (openmath-chat-solution) or a completions endpoint" : "choose a chat endpoint, or the completion template for solutions",
    );
  }
  if (input.kind === "label" && set.role !== "synthetic") {
    throw new UserFacingError(`Set "${set.name}" is a ${set.role} set; label batches vote answers for synthetic problems.`, "choose a synthetic set, or run a solutions batch on problems with known answers");
  }
  if (input.kind === "judge" && set.role !== "synthetic") {
    throw new UserFacingError(`Set "${set.name}" is a ${set.role} set; decontamination checks synthesized problems only.`, "choose the synthetic set whose retrieval pairs the judge should ask about");
  }
  if (input.kind !== "judge" && (input.threshold !== undefined || input.embeddingThreshold !== undefined)) {
    throw new UserFacingError(`Batch settings: a score threshold applies to judge batches only (this is a ${input.kind} batch).`, "leave the threshold out");
  }
  if (input.kind === "problems" && input.targetSet === set.name) {
    throw new UserFacingError("The target set must differ from the seed set.", "name another --target-set");
  }
  const sampling = SAMPLING_DEFAULTS[input.kind];
  const samplesPerProblem = input.kind === "judge" ? 2 : (input.samplesPerProblem ?? DEFAULT_SAMPLES[input.kind]);
  const targetSetName = input.kind === "problems" ? (input.targetSet ?? `${set.name}-augmented`) : null;
  const judge = input.kind === "judge" ? { threshold: input.threshold ?? DEFAULT_FLAG_THRESHOLD, embeddingThreshold: input.embeddingThreshold ?? DEFAULT_EMBEDDING_THRESHOLD } : null;
  const detail = judge ? ` · score ≥ ${judge.threshold}` : "";
  return {
    kind: input.kind,
    name: input.name ?? `${input.kind} · ${set.name}${detail} · ${template.template.name} v${template.template.version}${judge ? "" : ` · n=${samplesPerProblem}`}`,
    set,
    endpoint,
    template,
    samplesPerProblem,
    limit: input.limit ?? null,
    temperature: input.temperature ?? sampling.temperature,
    topP: input.topP ?? sampling.topP,
    maxTokens: input.maxTokens ?? sampling.maxTokens,
    seedBase: input.seedBase ?? 0,
    targetSetName,
    judge,
  };
}
