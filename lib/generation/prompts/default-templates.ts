// The templates Boxed ships, as data the database seed inserts (version 1 of each). The
// completion template is the recipe's base-model prompt; the chat ones put the few-shot examples
// inside the single user message (as NeMo-Skills does), so one template works for any chat model
// and the stored body stays a plain system/user pair.
import type { PromptTemplate } from "@/lib/generation/prompts/prompt-template";
import { BEGIN_OF_TEXT, SOLUTION_COMPLETION_STOP, SOLUTION_INSTRUCTION } from "@/lib/generation/prompts/solution-completion-format";

export const JUDGE_INSTRUCTION =
  "Answer only True or False: True if the problems are the same, False if they are different. Do not write anything else.";

export const SOLUTION_COMPLETION_TEMPLATE: PromptTemplate = {
  kind: "solution-completion",
  name: "openmath-base-completion",
  version: 1,
  body: `${BEGIN_OF_TEXT}${SOLUTION_INSTRUCTION}\n\n{{examples}}Problem:\n{{problem}}\n\nSolution:\n`,
  stop: [...SOLUTION_COMPLETION_STOP],
};

export const SOLUTION_CHAT_TEMPLATE: PromptTemplate = {
  kind: "solution-chat",
  name: "openmath-chat-solution",
  version: 1,
  body: {
    system: "",
    user:
      "Solve the last math problem below. Make sure to put the answer (and only answer) inside \\boxed{}. " +
      "Any problems before it are worked examples of the expected solution style.\n\n{{examples}}Problem:\n{{problem}}",
  },
};

export const PROBLEM_INSPIRED_TEMPLATE: PromptTemplate = {
  kind: "problem-inspired",
  name: "openmath-inspired-problem",
  version: 1,
  body: {
    system: "",
    user:
      "Write a new math problem inspired by the given one. Make the new problem reasonable and solvable, and make it " +
      "require another approach to solve than the original, not just different numbers or a different context. " +
      "Write only the new problem, with no solution and no commentary.\n\n{{examples}}Original problem:\n{{problem}}\n\nNew problem:",
  },
};

export const PROBLEM_SIMILAR_TEMPLATE: PromptTemplate = {
  kind: "problem-similar",
  name: "openmath-similar-problem",
  version: 1,
  body: {
    system: "",
    user:
      "Write a new math problem similar to the given one. Keep the same kind of reasoning and difficulty, but change " +
      "the setting and the numbers, and make sure the new problem is reasonable and solvable. " +
      "Write only the new problem, with no solution and no commentary.\n\n{{examples}}Original problem:\n{{problem}}\n\nNew problem:",
  },
};

export const JUDGE_TEMPLATE: PromptTemplate = {
  kind: "judge",
  name: "contamination-judge",
  version: 1,
  body: {
    system: "",
    user:
      "Help me decide whether the following two math problems are the same.\n\nFirst problem:\n{{problem_1}}\n\n" +
      "Second problem:\n{{problem_2}}\n\nIgnore names and minor changes in word order. If the two problems ask for the " +
      `same thing and have the same answer, they are the same problem.\n${JUDGE_INSTRUCTION}`,
  },
};

export const DEFAULT_TEMPLATES: readonly PromptTemplate[] = [
  SOLUTION_COMPLETION_TEMPLATE,
  SOLUTION_CHAT_TEMPLATE,
  PROBLEM_INSPIRED_TEMPLATE,
  PROBLEM_SIMILAR_TEMPLATE,
  JUDGE_TEMPLATE,
];
