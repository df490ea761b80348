import { describe, expect, it } from "vitest";
import { GSM8K_SOLUTION_EXAMPLES } from "@/lib/generation/few-shot/gsm8k-solution-examples";
import { INSPIRED_PROBLEM_PAIRS } from "@/lib/generation/few-shot/inspired-problem-pairs";
import { DEFAULT_TEMPLATES } from "@/lib/generation/prompts/default-templates";
import { renderPrompt } from "@/lib/generation/prompts/render-prompt";
import { detectIntent, findJudgePair, findProblemToSolve, findSeedProblem } from "@/lib/llm-stub/find-prompt-parts";

// The stand-in must understand every prompt Boxed ships; this breaks if a template's layout moves.
function promptText(kind: string, variables: Record<string, string | readonly object[]>): string {
  const template = DEFAULT_TEMPLATES.find((t) => t.kind === kind);
  if (!template) throw new Error(kind);
  const rendered = renderPrompt(template, variables as never);
  return rendered.api === "completions" ? rendered.prompt : (rendered.messages.at(-1)?.content ?? "");
}

describe("find-prompt-parts on Boxed's own templates", () => {
  const problem = "Is it true or false that 7 is prime? Answer 1 for true.\n\nGive a number.";

  it("finds the problem to solve in both solution templates", () => {
    for (const kind of ["solution-completion", "solution-chat"]) {
      const text = promptText(kind, { examples: GSM8K_SOLUTION_EXAMPLES, problem });
      expect(detectIntent(text)).toBe("solve");
      expect(findProblemToSolve(text)).toBe(problem);
    }
  });

  it("finds the seed of both problem-generation templates", () => {
    for (const kind of ["problem-inspired", "problem-similar"]) {
      const text = promptText(kind, { examples: INSPIRED_PROBLEM_PAIRS, problem });
      expect(detectIntent(text)).toBe("new-problem");
      expect(findSeedProblem(text)).toBe(problem);
    }
  });

  it("finds both problems of the judge template, even across blank lines", () => {
    const text = promptText("judge", { problem_1: problem, problem_2: "Second\n\nparagraph." });
    expect(detectIntent(text)).toBe("judge");
    expect(findJudgePair(text)).toEqual([problem, "Second\n\nparagraph."]);
  });
});
