// The one table of batch kinds. Generation's machinery (launch, preview, controls, the runner, the
// flush) asks a kind's plug-in instead of testing its name; this file is the only place where
// lib/generation imports lib/decontamination (the judge's plug-in). A plug-in never imports the
// machinery that reads this table, so the table closes no import circle.
import { judgeKind } from "@/lib/decontamination/pipeline/judge-batch-kind";
import type { BatchKindFacts, BatchKindPlugin } from "@/lib/generation/batch-kinds/batch-kind";
import { labelKind } from "@/lib/generation/batch-kinds/label-kind";
import { problemsKind } from "@/lib/generation/batch-kinds/problems-kind";
import { solutionsKind } from "@/lib/generation/batch-kinds/solutions-kind";
import { BATCH_KINDS, type BatchKindName } from "@/lib/generation/batches/batch-launch-input";
import type { PromptTemplateKind } from "@/lib/generation/prompts/prompt-template";

const PLUGINS: Record<BatchKindName, BatchKindPlugin> = {
  solutions: solutionsKind,
  problems: problemsKind,
  label: labelKind,
  judge: judgeKind,
};

export function batchKind(name: BatchKindName): BatchKindPlugin {
  const plugin = PLUGINS[name];
  if (!plugin) throw new Error(`no batch kind "${name}" (known: ${BATCH_KINDS.join(", ")})`);
  return plugin;
}

/** The kinds in the order the launch form lists them, as plain data the browser can receive. */
export function batchKindFacts(): BatchKindFacts[] {
  return BATCH_KINDS.map((name) => {
    const { title, templateKinds, defaultSamples, fixedSamples, sampling, selection } = PLUGINS[name];
    return { name, title, templateKinds, defaultSamples, fixedSamples, sampling, selection };
  });
}

/** The kind that renders prompts of a template kind (kinds sharing a template kind render it alike). */
export function kindRendering(templateKind: PromptTemplateKind): BatchKindPlugin {
  const plugin = BATCH_KINDS.map((name) => PLUGINS[name]).find((p) => p.templateKinds.includes(templateKind));
  if (!plugin) throw new Error(`no batch kind renders "${templateKind}" templates`);
  return plugin;
}
