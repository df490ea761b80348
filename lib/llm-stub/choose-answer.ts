// Which answer a stand-in solution ends with. Three sources, in order: the configured answer map,
// explicit arithmetic it can evaluate, and otherwise a small per-problem distribution with a clear
// favourite, so 32 samples of a new problem give majority voting a real (but not unanimous) vote.
import { createRandom, hashText } from "@/lib/llm-stub/deterministic-random";
import { solveArithmetic } from "@/lib/llm-stub/evaluate-arithmetic";

export interface ChosenAnswer {
  answer: string;
  /** Whether the stand-in knows the true answer (from the map or by arithmetic). */
  known: boolean;
  correct: boolean;
  /** Set when the answer came from evaluating an arithmetic expression. */
  expression?: string;
}

export function normaliseProblemKey(problem: string): string {
  return problem.replace(/\s+/g, " ").trim();
}

/** Build a lookup that tolerates whitespace differences between the map and the prompt. */
export function indexAnswers(answers: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(answers).map(([problem, answer]) => [normaliseProblemKey(problem), answer]));
}

function wrongAnswersFor(correct: string): string[] {
  const value = Number(correct);
  if (Number.isInteger(value)) return [String(value + 1), String(value * 2), String(value - 1), String(value + 10)];
  return ["0", "1", `${correct}+1`, `-${correct}`];
}

/** The favourite answer of an unknown problem and its runners-up, fixed by the problem text. */
export function answerDistribution(problem: string): Array<{ answer: string; weight: number }> {
  const base = 2 + (hashText(normaliseProblemKey(problem)) % 98);
  return [
    { answer: String(base), weight: 0.55 },
    { answer: String(base + 1), weight: 0.2 },
    { answer: String(base * 2), weight: 0.15 },
    { answer: String(base - 1), weight: 0.1 },
  ];
}

export function chooseAnswer(input: {
  problem: string;
  answers: Map<string, string>;
  accuracy: number;
  random: () => number;
}): ChosenAnswer {
  const key = normaliseProblemKey(input.problem);
  const mapped = input.answers.get(key);
  const arithmetic = mapped === undefined ? solveArithmetic(input.problem) : undefined;
  const truth = mapped ?? arithmetic?.answer;
  if (truth !== undefined) {
    const correct = input.random() < input.accuracy;
    const wrong = wrongAnswersFor(truth);
    const answer = correct ? truth : (wrong[Math.floor(input.random() * wrong.length)] as string);
    return { answer, known: true, correct, ...(arithmetic ? { expression: arithmetic.expression } : {}) };
  }
  const roll = input.random();
  let cumulative = 0;
  const distribution = answerDistribution(key);
  for (const option of distribution) {
    cumulative += option.weight;
    if (roll < cumulative) return { answer: option.answer, known: false, correct: false };
  }
  return { answer: (distribution[0] as { answer: string }).answer, known: false, correct: false };
}

/** A seeded generator for one sample; temperature 0 ignores the seed, as greedy decoding would. */
export function sampleRandom(prompt: string, seed: number, choiceIndex: number, temperature: number): () => number {
  const effectiveSeed = temperature === 0 ? 0 : seed;
  return createRandom(hashText(prompt, hashText(`${effectiveSeed}:${choiceIndex}`)));
}
