// Which shipped few-shot set a request uses: decided by the template kind and the problem's
// dataset of origin (GSM8K-style problems get the GSM8K examples, all others the MATH ones), as
// the recipe does (4 MATH examples for MATH, 5 GSM8K examples for GSM8K).
import { DEFAULT_FEW_SHOT_SETS } from "@/lib/generation/few-shot/default-few-shot-sets";
import type { FewShotSet } from "@/lib/generation/few-shot/few-shot-types";
import type { PromptTemplateKind } from "@/lib/generation/prompts/prompt-template";

const byName = (name: string) => DEFAULT_FEW_SHOT_SETS.find((set) => set.name === name) as FewShotSet;

export const isGsm8kSource = (source: string | null | undefined) => /gsm8k/i.test(source ?? "");

export function chooseFewShot(kind: PromptTemplateKind, source: string | null | undefined): FewShotSet | null {
  if (kind === "judge") return null;
  const gsm = isGsm8kSource(source);
  if (kind === "problem-inspired" || kind === "problem-similar") return byName(kind === "problem-similar" ? "boxed-gsm8k-similar-pairs" : "boxed-math-inspired-pairs");
  return byName(gsm ? "boxed-gsm8k-solutions" : "boxed-math-solutions");
}
