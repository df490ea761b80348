// Turns launch input into a checked plan: the set, endpoint and exact template version exist and
// fit together (a completion template needs a completions endpoint, the template's kind is one
// the batch kind takes, ...); the kind's own rules and defaults come from its plug-in (a label or
// judge batch needs a synthetic set, ...). Every refusal names the field and the fix. Reads only;
// nothing is written here.
import { requireProblemSet } from "@/lib/datasets/sets/find-problem-sets";
import { UserFacingError } from "@/lib/errors";
import { batchKind } from "@/lib/generation/batch-kinds/registry";
import { findEndpointView } from "@/lib/generation/endpoints/list-endpoints";
import { ensureDefaultTemplates } from "@/lib/generation/templates/ensure-default-templates";
import { findTemplate } from "@/lib/generation/templates/list-templates";
import { BatchLaunchSchema, type BatchLaunchInput, type BatchPlan } from "@/lib/generation/batches/batch-launch-input";

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

  const kind = batchKind(input.kind);
  const templateRef = input.template ?? (await kind.defaultTemplateName(set.id, endpoint));
  const template = await findTemplate(typeof templateRef === "number" ? { id: templateRef } : { name: templateRef });
  if (!template) throw new UserFacingError(`Prompt template "${templateRef}" was not found.`, "see the Templates page for the names");
  if (template.disabled) throw new UserFacingError(`Prompt template "${template.template.name}" is disabled.`, "enable it on the Templates page, or choose another");
  const allowed = kind.templateKinds;
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
  const parts = kind.planParts(input, set);
  const sampling = kind.sampling;
  return {
    kind: input.kind,
    name: input.name ?? `${input.kind} · ${set.name}${parts.nameDetail} · ${template.template.name} v${template.template.version}${kind.fixedSamples ? "" : ` · n=${parts.samplesPerProblem}`}`,
    set,
    endpoint,
    template,
    samplesPerProblem: parts.samplesPerProblem,
    limit: input.limit ?? null,
    temperature: input.temperature ?? sampling.temperature,
    topP: input.topP ?? sampling.topP,
    maxTokens: input.maxTokens ?? sampling.maxTokens,
    seedBase: input.seedBase ?? 0,
    targetSetName: parts.targetSetName,
    judge: parts.judge,
  };
}
