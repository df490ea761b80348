// Recipe section 5: drop a solution whose simple "a op b = c" arithmetic is wrong - a cheap
// signal of a hallucinated computation even when the final answer happens to match.
import { evaluateArithmetic } from "@/lib/grading/filters/arithmetic-expression";
import { findArithmeticChains } from "@/lib/grading/filters/arithmetic-chains";
import type { DropReason, SolutionRow } from "@/lib/grading/filters/solution-row";

export function incorrectArithmeticReason(row: SolutionRow): DropReason {
  for (const chain of findArithmeticChains(row.solution)) {
    const values = chain.sides.map((s) => evaluateArithmetic(s.tokens));
    if (values.some((v) => v === null)) continue;
    for (let i = 1; i < values.length; i++) {
      if (!agrees(values[i - 1] as number, values[i] as number, chain.sides[i].text)) {
        return `arithmetic "${chain.sides[i - 1].text} = ${chain.sides[i].text}" is wrong (${values[i - 1]})`;
      }
    }
  }
  return null;
}

/** Written results may be rounded: compare at the precision the solution wrote down. */
function agrees(computed: number, written: number, writtenText: string): boolean {
  const decimals = /\.(\d+)\s*$/.exec(writtenText)?.[1].length ?? 0;
  if (Number.isInteger(computed) && decimals === 0) return Math.abs(computed - written) < 1e-9;
  // "10 / 3 = 3.33" and "7 / 2 = 4" (rounded) are accepted; the last written digit may be off by one.
  return Math.abs(computed - written) <= (decimals === 0 ? 0.5 : 10 ** -decimals) + 1e-9;
}

export function dropIncorrectArithmetic<T extends SolutionRow>(rows: Iterable<T>): T[] {
  return [...rows].filter((row) => incorrectArithmeticReason(row) === null);
}
