// NeMo-Skills' SplitArithmetic (in its math SFT config): writes out the intermediate steps of
// "1 + 2 + 3 + 4 = 10" as "1 + 2 + 3 + 4 = 3 + 3 + 4 = 6 + 4 = 10", so the model sees every
// operation. Only exact integer steps are written; anything else is left as it was.
import { reduceOnce, renderArithmetic } from "@/lib/grading/filters/arithmetic-expression";
import { findArithmeticChains } from "@/lib/grading/filters/arithmetic-chains";
import type { SolutionRow } from "@/lib/grading/filters/solution-row";

export function splitArithmetic(solution: string): string {
  let out = "";
  let at = 0;
  for (const chain of findArithmeticChains(solution)) {
    if (chain.sides.length !== 2) continue;
    const [lhs, rhs] = chain.sides;
    if (rhs.tokens.length !== 1 || rhs.tokens[0].type !== "num") continue;
    const steps: string[] = [];
    let tokens = reduceOnce(lhs.tokens);
    while (tokens && !(tokens.length === 1 && tokens[0].type === "num")) {
      if (tokens.some((t) => t.type === "num" && !Number.isInteger(t.value))) break;
      steps.push(renderArithmetic(tokens));
      tokens = reduceOnce(tokens);
    }
    if (tokens?.length !== 1 || tokens[0].type !== "num" || tokens[0].value !== rhs.tokens[0].value) continue;
    out += `${solution.slice(at, chain.start)}${[lhs.text, ...steps, rhs.text].join(" = ")}`;
    at = chain.end;
  }
  return at === 0 ? solution : out + solution.slice(at);
}

export function splitArithmeticInRows<T extends SolutionRow>(rows: Iterable<T>): T[] {
  return [...rows].map((row) => ({ ...row, solution: splitArithmetic(row.solution) }));
}
