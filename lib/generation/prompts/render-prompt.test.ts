import { describe, expect, it } from "vitest";
import { GSM8K_SOLUTION_EXAMPLES } from "@/lib/generation/few-shot/gsm8k-solution-examples";
import { MATH_SOLUTION_EXAMPLES } from "@/lib/generation/few-shot/math-solution-examples";
import { SIMILAR_PROBLEM_PAIRS } from "@/lib/generation/few-shot/similar-problem-pairs";
import {
  DEFAULT_TEMPLATES,
  JUDGE_TEMPLATE,
  PROBLEM_SIMILAR_TEMPLATE,
  SOLUTION_CHAT_TEMPLATE,
  SOLUTION_COMPLETION_TEMPLATE,
} from "@/lib/generation/prompts/default-templates";
import { PromptTemplateSchema, type PromptTemplate } from "@/lib/generation/prompts/prompt-template";
import { findTemplateProblems, PromptRenderError, renderPrompt } from "@/lib/generation/prompts/render-prompt";
import { SIX_NEWLINES, SOLUTION_INSTRUCTION } from "@/lib/generation/prompts/solution-completion-format";

const NEW_PROBLEM = "Simplify $\\frac{6}{8}$. Use {braces} and {{problem}} literally.";

describe("renderPrompt", () => {
  it("renders the recipe's base-model completion prompt exactly", () => {
    const rendered = renderPrompt(SOLUTION_COMPLETION_TEMPLATE, { examples: MATH_SOLUTION_EXAMPLES, problem: NEW_PROBLEM });
    const [first, second, third, fourth] = MATH_SOLUTION_EXAMPLES;
    const example = (e: typeof first) => `Problem:\n${e?.problem}\n\nSolution:\n${e?.solution}`;
    const expected =
      `<|begin_of_text|>${SOLUTION_INSTRUCTION}\n\n` +
      [first, second, third, fourth].map(example).join(SIX_NEWLINES) +
      `${SIX_NEWLINES}Problem:\n${NEW_PROBLEM}\n\nSolution:\n`;
    expect(rendered).toEqual({ api: "completions", prompt: expected, stop: ["\n\n\n\n\n\n"] });
  });

  it("leaves no stray separator with zero examples, and values are never rescanned", () => {
    const rendered = renderPrompt(SOLUTION_COMPLETION_TEMPLATE, { examples: [], problem: NEW_PROBLEM });
    expect(rendered.api === "completions" && rendered.prompt).toBe(`<|begin_of_text|>${SOLUTION_INSTRUCTION}\n\nProblem:\n${NEW_PROBLEM}\n\nSolution:\n`);
  });

  it("renders chat templates as one user message holding the examples", () => {
    const rendered = renderPrompt(SOLUTION_CHAT_TEMPLATE, { examples: GSM8K_SOLUTION_EXAMPLES, problem: "What is 2 + 2?" });
    expect(rendered.api).toBe("chat");
    if (rendered.api !== "chat") return;
    expect(rendered.messages).toHaveLength(1);
    expect(rendered.messages[0]?.role).toBe("user");
    expect(rendered.messages[0]?.content).toContain(GSM8K_SOLUTION_EXAMPLES[4]?.solution);
    expect(rendered.messages[0]?.content.endsWith("Problem:\nWhat is 2 + 2?")).toBe(true);
    expect(rendered.stop).toBeUndefined();
  });

  it("formats problem pairs for problem-generation templates", () => {
    const rendered = renderPrompt(PROBLEM_SIMILAR_TEMPLATE, { examples: SIMILAR_PROBLEM_PAIRS, problem: "Seed?" });
    const content = rendered.api === "chat" ? rendered.messages[0]?.content : "";
    expect(content).toContain(`Original problem:\n${SIMILAR_PROBLEM_PAIRS[0]?.original}\n\nNew problem:\n${SIMILAR_PROBLEM_PAIRS[0]?.newProblem}${SIX_NEWLINES}`);
    expect(content?.endsWith("Original problem:\nSeed?\n\nNew problem:")).toBe(true);
  });

  it("renders the judge prompt with both problems and the True/False instruction", () => {
    const rendered = renderPrompt(JUDGE_TEMPLATE, { problem_1: "A", problem_2: "B" });
    const content = rendered.api === "chat" ? rendered.messages[0]?.content : "";
    expect(content).toContain("First problem:\nA\n\nSecond problem:\nB");
    expect(content).toContain("Answer only True or False");
  });

  it("names a missing variable", () => {
    expect(() => renderPrompt(SOLUTION_COMPLETION_TEMPLATE, { examples: [] })).toThrowError(/\{\{problem\}\}/);
    try {
      renderPrompt(JUDGE_TEMPLATE, { problem_1: "A" });
    } catch (error) {
      expect(error).toBeInstanceOf(PromptRenderError);
      expect(error).toMatchObject({ code: "missing-variable", placeholder: "problem_2" });
    }
  });

  it("names an unknown placeholder, even when a value is given for it", () => {
    const template: PromptTemplate = { ...SOLUTION_COMPLETION_TEMPLATE, body: "{{problem}} {{ answr }}" } as PromptTemplate;
    expect(findTemplateProblems(template).map((p) => p.placeholder)).toEqual(["answr"]);
    expect(() => renderPrompt(template, { problem: "x", answr: "y" })).toThrowError(/unknown placeholder \{\{answr\}\}/);
  });

  it("refuses examples of the wrong shape for the kind", () => {
    expect(() => renderPrompt(SOLUTION_CHAT_TEMPLATE, { examples: SIMILAR_PROBLEM_PAIRS, problem: "x" })).toThrowError(/worked solution examples/);
  });

  it("ships default templates that validate and use only known placeholders", () => {
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.kind)).size).toBe(5);
    for (const template of DEFAULT_TEMPLATES) {
      expect(PromptTemplateSchema.safeParse(template).success).toBe(true);
      expect(findTemplateProblems(template)).toEqual([]);
    }
  });
});
