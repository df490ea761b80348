// A plausible new problem for a question-augmentation prompt: the seed with its numbers changed,
// sometimes with a "New problem:" prefix (real models add one; the parser must strip it). Seeds
// with no numbers get one of a few generic problems, so the reply is never a copy of the seed.
import { pickOne } from "@/lib/llm-stub/deterministic-random";

const GENERIC_PROBLEMS = [
  "A rectangle has a perimeter of {a} centimeters and one side of length {b} centimeters. What is its area in square centimeters?",
  "A store sells pencils in packs of {b}. How many packs are needed to get at least {a} pencils?",
  "The sum of two consecutive integers is {a}. What is the larger integer?",
  "What is the remainder when {a} is divided by {b}?",
];

function perturb(value: number, random: () => number): number {
  const step = 1 + Math.floor(random() * Math.max(3, Math.ceil(value / 3)));
  return random() < 0.5 && value - step > 0 ? value - step : value + step;
}

export function writeNewProblem(seedProblem: string, random: () => number): string {
  let changed = 0;
  let problem = seedProblem.replace(/\d+/g, (digits) => {
    changed++;
    return String(perturb(Number(digits), random));
  });
  if (changed === 0 || problem.trim().length === 0) {
    const a = 10 + Math.floor(random() * 90);
    const b = 2 + Math.floor(random() * 9);
    problem = pickOne(random, GENERIC_PROBLEMS).replace("{a}", String(a)).replace("{b}", String(b));
  }
  return random() < 0.3 ? `New problem:\n${problem}` : problem;
}
