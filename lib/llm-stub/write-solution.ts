// A stand-in solution in the OpenMath CoT style: short prose, display math, one boxed answer near
// the end. The wording varies with the sample so duplicate filters see distinct solutions, and it
// is long enough (>200 characters) that the default minimum-length filter does not drop it.
import type { ChosenAnswer } from "@/lib/llm-stub/choose-answer";
import { pickOne } from "@/lib/llm-stub/deterministic-random";

const OPENINGS = [
  "Let's organise the information given in the problem before computing anything.",
  "We start by writing down the quantities the problem gives us.",
  "To answer this, we first identify what is known and what is being asked.",
  "We can solve this by working through the relationships one at a time.",
];

const BRIDGES = [
  "Putting these together gives the value we need.",
  "Combining the pieces, we simplify to a single number.",
  "Now we only have to simplify.",
  "This leads directly to the result.",
];

const CLOSINGS = ["So, the answer is:", "Therefore, the answer is:", "Thus, the final answer is:"];

function numbersIn(problem: string): string[] {
  return (problem.match(/\d+(?:\.\d+)?/g) ?? []).slice(0, 3);
}

export function writeSolution(problem: string, chosen: ChosenAnswer, random: () => number): string {
  const lines: string[] = [pickOne(random, OPENINGS)];
  if (chosen.expression && chosen.correct) {
    lines.push(`We evaluate the expression, doing multiplication and division before addition and subtraction:\n\\[ ${chosen.expression} = ${chosen.answer} \\]`);
  } else {
    const numbers = numbersIn(problem);
    if (numbers.length >= 2) {
      lines.push(`The problem involves the numbers ${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}.`);
      lines.push(`Relating them as the problem describes, we get\n\\[ x = ${chosen.answer} \\]`);
    } else {
      lines.push(`Let the unknown quantity be $x$. Translating the conditions into an equation and solving it gives\n\\[ x = ${chosen.answer} \\]`);
    }
  }
  lines.push(pickOne(random, BRIDGES));
  lines.push(`${pickOne(random, CLOSINGS)}\n\\[ \\boxed{${chosen.answer}} \\]`);
  return lines.join("\n\n");
}

/** What a base model writes after its answer when nothing stops it: the next few-shot problem. */
export function writeRunOn(random: () => number): string {
  const a = 2 + Math.floor(random() * 40);
  const b = 2 + Math.floor(random() * 40);
  return `\n\n\n\n\n\nProblem:\nWhat is ${a} + ${b}?\n\nSolution:\nWe add the two numbers:\n\\[ ${a} + ${b} = ${a + b} \\]\n\nSo, the answer is:\n\\[ \\boxed{${a + b}} \\]`;
}
