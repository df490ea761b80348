// Finds the "a op b = c" chains of plain arithmetic in a solution's text. Shared by the check
// (drop-incorrect-arithmetic) and the rewrite (split-arithmetic).
import type { ArithmeticToken } from "@/lib/grading/filters/arithmetic-expression";
import { tokenizeArithmetic } from "@/lib/grading/filters/arithmetic-expression";

export interface ArithmeticChain {
  start: number;
  end: number;
  sides: { text: string; tokens: ArithmeticToken[] }[];
}

// Runs of digits, operators, parentheses and spaces joined by "="; bounded length per side keeps
// the scan linear.
const CHAIN = /[\d(][\d\s+\-*/×÷().]{0,200}?(?:\s*=\s*[\d(-][\d\s+\-*/×÷().]{0,200}?)+(?=\s*(?:$|[^\d\s+\-*/×÷().=]))/g;

export function findArithmeticChains(text: string): ArithmeticChain[] {
  const chains: ArithmeticChain[] = [];
  for (const m of text.matchAll(CHAIN)) {
    const raw = m[0].replace(/[\s.]+$/, "");
    const sides = raw.split("=").map((s) => s.trim());
    const parsed = sides.map((s) => ({ text: s, tokens: tokenizeArithmetic(s) }));
    if (parsed.some((p) => p.tokens === null || p.tokens.length === 0)) continue;
    // Only chains that compute something: at least one side holds an operator.
    if (!parsed.some((p) => p.tokens?.some((t) => t.type === "op" && !(t.op === "-" && p.tokens?.length === 2)))) continue;
    chains.push({ start: m.index ?? 0, end: (m.index ?? 0) + raw.length, sides: parsed as ArithmeticChain["sides"] });
  }
  return chains;
}
