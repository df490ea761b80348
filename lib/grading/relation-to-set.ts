// "x \ge 5", "-2 \le x \le 7", "x \ne 3", "x \in [0,1)" describe sets of one variable; reading
// them as intervals lets an inequality answer match an interval answer (and each other).
import type { AnswerValue, RelationOp } from "@/lib/grading/answer-value";

type Relation = Extract<AnswerValue, { kind: "relation" }>;
type Interval = Extract<AnswerValue, { kind: "interval" }>;

export interface VariableSet {
  variable: string;
  set: AnswerValue;
}

const VARIABLE = /^(?:[A-Za-z]|\\[a-z]+)(?:_\{?\w+\}?)?$/;

const NEG_INF: AnswerValue = { kind: "expr", latex: "-\\infty", json: ["Negate", "PositiveInfinity"] };
const POS_INF: AnswerValue = { kind: "expr", latex: "\\infty", json: "PositiveInfinity" };

export function isVariable(value: AnswerValue): boolean {
  return value.kind === "expr" && VARIABLE.test(value.latex.trim()) && !/^\\(?:infty|pi)$/.test(value.latex.trim());
}

export function relationToSet(rel: Relation): VariableSet | null {
  const { ops, terms } = rel;
  if (ops.length === 1 && ops[0] === "\\in" && isVariable(terms[0])) return { variable: terms[0].latex.trim(), set: terms[1] };
  if (ops.length === 1) {
    const [a, b] = terms;
    if (isVariable(a) && !isVariable(b)) return oneSided(a.latex.trim(), ops[0], b);
    if (isVariable(b) && !isVariable(a)) return oneSided(b.latex.trim(), flip(ops[0]), a);
    return null;
  }
  if (ops.length === 2 && isVariable(terms[1])) {
    const [lo, x, hi] = terms;
    const rising = ops.every((o) => o === "<" || o === "\\le");
    const falling = ops.every((o) => o === ">" || o === "\\ge");
    if (rising) return { variable: x.latex.trim(), set: interval(ops[0] === "<" ? "(" : "[", lo, hi, ops[1] === "<" ? ")" : "]") };
    if (falling) return { variable: x.latex.trim(), set: interval(ops[1] === ">" ? "(" : "[", hi, lo, ops[0] === ">" ? ")" : "]") };
  }
  return null;
}

function oneSided(variable: string, op: RelationOp, bound: AnswerValue): VariableSet | null {
  switch (op) {
    case "<":
      return { variable, set: interval("(", NEG_INF, bound, ")") };
    case "\\le":
      return { variable, set: interval("(", NEG_INF, bound, "]") };
    case ">":
      return { variable, set: interval("(", bound, POS_INF, ")") };
    case "\\ge":
      return { variable, set: interval("[", bound, POS_INF, ")") };
    case "\\ne":
      return { variable, set: { kind: "union", latex: `${variable} \\ne ${bound.latex}`, parts: [interval("(", NEG_INF, bound, ")"), interval("(", bound, POS_INF, ")")] } };
    default:
      return null;
  }
}

function flip(op: RelationOp): RelationOp {
  const flipped: Partial<Record<RelationOp, RelationOp>> = { "<": ">", ">": "<", "\\le": "\\ge", "\\ge": "\\le" };
  return flipped[op] ?? op;
}

function interval(left: "(" | "[", lo: AnswerValue, hi: AnswerValue, right: ")" | "]"): Interval {
  return { kind: "interval", latex: `${left}${lo.latex}, ${hi.latex}${right}`, left, right, lo, hi };
}
