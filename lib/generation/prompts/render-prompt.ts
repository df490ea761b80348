// Renders a template into what an OpenAI-compatible endpoint receives. Placeholders are
// {{name}}; values are inserted in one pass and never rescanned, so LaTeX braces in problems and
// solutions are safe. A placeholder the kind does not know, or one without a value, is an error
// that names it: a silently empty {{problem}} would waste a whole batch.
import type { ProblemPair, SolutionExample } from "@/lib/generation/few-shot/few-shot-types";
import { formatProblemPairs, formatSolutionExamples } from "@/lib/generation/prompts/format-few-shot";
import { type ChatMessage, PLACEHOLDERS_BY_KIND, type PromptTemplate, type PromptTemplateKind, type RenderedPrompt } from "@/lib/generation/prompts/prompt-template";

export type PromptVariable = string | readonly SolutionExample[] | readonly ProblemPair[];
export type PromptVariables = Record<string, PromptVariable | undefined>;

export class PromptRenderError extends Error {
  constructor(
    readonly code: "unknown-placeholder" | "missing-variable" | "wrong-variable-type",
    readonly placeholder: string,
    message: string,
  ) {
    super(message);
    this.name = "PromptRenderError";
  }
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Placeholder names used by a text, in order of first use. */
export function listPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

function bodyTexts(template: PromptTemplate): string[] {
  return typeof template.body === "string" ? [template.body] : [template.body.system, template.body.user];
}

/** Problems with a template that rendering would hit, without needing any values. */
export function findTemplateProblems(template: PromptTemplate): PromptRenderError[] {
  const allowed = PLACEHOLDERS_BY_KIND[template.kind];
  const used = bodyTexts(template).flatMap(listPlaceholders);
  return used
    .filter((name) => !allowed.includes(name))
    .map((name) => new PromptRenderError("unknown-placeholder", name, `template "${template.name}" (${template.kind}) uses unknown placeholder {{${name}}}; allowed: ${allowed.map((a) => `{{${a}}}`).join(", ")}`));
}

function formatValue(kind: PromptTemplateKind, name: string, value: PromptVariable): string {
  if (typeof value === "string") return value;
  if (name !== "examples") {
    throw new PromptRenderError("wrong-variable-type", name, `variable "${name}" must be a string`);
  }
  // Solution kinds take worked examples, problem kinds take pairs; the shapes tell them apart.
  const wantsPairs = kind === "problem-inspired" || kind === "problem-similar";
  for (const item of value) {
    const isPair = "original" in item;
    if (isPair !== wantsPairs) {
      throw new PromptRenderError("wrong-variable-type", name, `"examples" for a ${kind} template must be ${wantsPairs ? "original/new problem pairs" : "worked solution examples"}`);
    }
  }
  return wantsPairs ? formatProblemPairs(value as readonly ProblemPair[]) : formatSolutionExamples(value as readonly SolutionExample[]);
}

export function renderPrompt(template: PromptTemplate, variables: PromptVariables): RenderedPrompt {
  const [unknown] = findTemplateProblems(template);
  if (unknown) throw unknown;
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (_match, name: string) => {
      const value = variables[name];
      if (value === undefined) {
        throw new PromptRenderError("missing-variable", name, `template "${template.name}" needs a value for {{${name}}}`);
      }
      return formatValue(template.kind, name, value);
    });

  if (template.kind === "solution-completion") {
    return { api: "completions", prompt: fill(template.body), stop: [...template.stop] };
  }
  const messages: ChatMessage[] = [];
  const system = fill(template.body.system);
  if (system.trim()) messages.push({ role: "system", content: system });
  messages.push({ role: "user", content: fill(template.body.user) });
  return { api: "chat", messages, ...(template.stop?.length ? { stop: [...template.stop] } : {}) };
}
