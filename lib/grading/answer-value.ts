// The shapes an answer can take once parsed. Comparison dispatches on `kind`; every node keeps
// the LaTeX it came from so verdicts can quote it.
import type { MathJson } from "@/lib/grading/latex-to-math-json";

export type AnswerValue =
  | { kind: "expr"; latex: string; json: MathJson }
  | { kind: "text"; latex: string; text: string }
  | { kind: "choice"; latex: string; letter: string }
  | { kind: "percent"; latex: string; value: AnswerValue }
  | { kind: "tuple"; latex: string; items: AnswerValue[] }
  /** A bare "a, b" (or "a and b", or a ± b): a collection whose order was not declared. */
  | { kind: "list"; latex: string; items: AnswerValue[]; decimalComma?: string }
  | { kind: "set"; latex: string; items: AnswerValue[] }
  | { kind: "interval"; latex: string; left: "(" | "["; right: ")" | "]"; lo: AnswerValue; hi: AnswerValue }
  | { kind: "union"; latex: string; parts: AnswerValue[] }
  | { kind: "matrix"; latex: string; rows: AnswerValue[][] }
  /** Equations and inequality chains: terms[0] ops[0] terms[1] ops[1] ... */
  | { kind: "relation"; latex: string; ops: RelationOp[]; terms: AnswerValue[] }
  | { kind: "unparsed"; latex: string; why: string };

export type RelationOp = "=" | "<" | ">" | "\\le" | "\\ge" | "\\ne" | "\\in";

export function describeKind(value: AnswerValue): string {
  switch (value.kind) {
    case "expr":
      return "an expression";
    case "text":
      return "text";
    case "choice":
      return "a choice letter";
    case "percent":
      return "a percentage";
    case "tuple":
      return `a tuple of ${value.items.length}`;
    case "list":
      return `a list of ${value.items.length}`;
    case "set":
      return `a set of ${value.items.length}`;
    case "interval":
      return "an interval";
    case "union":
      return `a union of ${value.parts.length}`;
    case "matrix":
      return `a ${value.rows.length}x${value.rows[0]?.length ?? 0} matrix`;
    case "relation":
      return value.ops.every((o) => o === "=") ? "an equation" : "a relation";
    case "unparsed":
      return "unparsable";
  }
}
