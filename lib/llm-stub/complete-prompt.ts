// Turns one prompt into n choices: decides what the prompt asks for (solve / new problem / judge),
// writes the reply, then applies what a real server would: stop sequences, max_tokens and (when
// configured) random truncation, each reported through finish_reason.
import { approximateTokens, cutToTokens } from "@/lib/llm-stub/approximate-tokens";
import { chooseAnswer, sampleRandom } from "@/lib/llm-stub/choose-answer";
import { createRandom, seedFrom } from "@/lib/llm-stub/deterministic-random";
import { detectIntent, findJudgePair, findProblemToSolve, findSeedProblem } from "@/lib/llm-stub/find-prompt-parts";
import type { StubOptions } from "@/lib/llm-stub/stub-options";
import { writeJudgeReply } from "@/lib/llm-stub/write-judge-reply";
import { writeNewProblem } from "@/lib/llm-stub/write-new-problem";
import { writeRunOn, writeSolution } from "@/lib/llm-stub/write-solution";

export interface SamplingParams {
  n: number;
  seed: number;
  temperature: number;
  maxTokens: number;
  stop: string[];
}

export interface StubChoice {
  text: string;
  finishReason: "stop" | "length";
  completionTokens: number;
}

function applyStop(text: string, stop: string[]): string {
  let end = text.length;
  for (const sequence of stop) {
    const at = sequence ? text.indexOf(sequence) : -1;
    if (at >= 0 && at < end) end = at;
  }
  return text.slice(0, end);
}

function writeReply(promptText: string, api: "completions" | "chat", random: () => number, options: StubOptions, answers: Map<string, string>): string {
  switch (detectIntent(promptText)) {
    case "judge":
      return writeJudgeReply(findJudgePair(promptText), promptText, options.judge);
    case "new-problem":
      return writeNewProblem(findSeedProblem(promptText), random);
    case "solve": {
      const problem = findProblemToSolve(promptText);
      const solution = writeSolution(problem, chooseAnswer({ problem, answers, accuracy: options.accuracy, random }), random);
      // A base model does not stop after its answer: it writes the next few-shot problem, which
      // is why the recipe's six-newline stop sequence matters. Chat models end their turn instead.
      return api === "completions" ? solution + writeRunOn(random) : solution;
    }
  }
}

export function completePrompt(input: {
  promptText: string;
  api: "completions" | "chat";
  params: SamplingParams;
  options: StubOptions;
  answers: Map<string, string>;
}): StubChoice[] {
  const { promptText, params, options } = input;
  const choices: StubChoice[] = [];
  for (let index = 0; index < params.n; index++) {
    const random = sampleRandom(promptText, params.seed, index, params.temperature);
    let text = applyStop(writeReply(promptText, input.api, random, options, input.answers), params.stop);
    let finishReason: StubChoice["finishReason"] = "stop";
    if (approximateTokens(text) > params.maxTokens) {
      text = cutToTokens(text, params.maxTokens);
      finishReason = "length";
    }
    const truncation = createRandom(seedFrom("truncate", options.seed, promptText, params.seed, index));
    if (finishReason === "stop" && truncation() < options.truncateRate) {
      text = text.slice(0, Math.floor(text.length * (0.3 + 0.5 * truncation())));
      finishReason = "length";
    }
    choices.push({ text, finishReason, completionTokens: approximateTokens(text) });
  }
  return choices;
}
