// Two equations are the same answer when they describe the same solution set; for the linear and
// polynomial equations answers contain, that means lhs - rhs of one is a non-zero multiple of the
// other's (2x + 4y - 3 = 0 and y = -x/2 + 3/4). Checked at random points, like compare-scalar.
import type { AnswerValue } from "@/lib/grading/answer-value";
import type { CompareContext, Decision } from "@/lib/grading/compare-context";
import { formatNumber, quote } from "@/lib/grading/compare-context";
import { relativeDifference, seededRandom } from "@/lib/grading/compare-scalar";
import { NotNumericError, evaluate, freeSymbols } from "@/lib/grading/evaluate";
import type { MathJson } from "@/lib/grading/latex-to-math-json";

type Relation = Extract<AnswerValue, { kind: "relation" }>;

export function compareEquations(g: Relation, p: Relation, ctx: CompareContext): Decision {
  const [gl, gr] = g.terms;
  const [pl, pr] = p.terms;
  if (gl.kind !== "expr" || gr.kind !== "expr" || pl.kind !== "expr" || pr.kind !== "expr") {
    return { equal: null, rule: "equation", reason: "equation: a side is not an expression" };
  }
  const dg: MathJson = ["Subtract", gl.json, gr.json];
  const dp: MathJson = ["Subtract", pl.json, pr.json];
  const vars = [...freeSymbols(dp, freeSymbols(dg, new Set(), ctx.budget), ctx.budget)].sort();
  const random = seededRandom(0xe9a7);
  let ratio: number | null = null;
  let valid = 0;
  try {
    for (let k = 0; k < 18 && valid < 6; k++) {
      const env = new Map(vars.map((v) => [v, 0.5 + 2.5 * random()] as const));
      const a = evaluate(dg, env, ctx.budget);
      const b = evaluate(dp, env, ctx.budget);
      if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
      if (Math.abs(b) < 1e-12 || Math.abs(a) < 1e-12) {
        if (Math.abs(a) < 1e-12 && Math.abs(b) < 1e-12) {
          valid++;
          continue;
        }
        return differ(g, p, "one side vanishes where the other does not");
      }
      const r = a / b;
      if (ratio === null) ratio = r;
      else if (relativeDifference(ratio, r) > ctx.relativeTolerance) return differ(g, p, "lhs − rhs are not proportional");
      valid++;
    }
  } catch (error) {
    if (error instanceof NotNumericError) return { equal: null, rule: "parse-failure", reason: `equation: could not evaluate ${error.what}` };
    throw error;
  }
  if (valid < 3) return { equal: null, rule: "equation", reason: "equation: too few sample points in both domains" };
  const factor = ratio === null ? "" : ` (factor ${formatNumber(ratio)})`;
  return { equal: true, rule: "equation", reason: `equation: lhs − rhs of ${quote(g.latex)} and ${quote(p.latex)} are proportional at ${valid} random points${factor}` };
}

function differ(g: Relation, p: Relation, why: string): Decision {
  return { equal: false, rule: "equation", reason: `equation: ${quote(g.latex)} vs ${quote(p.latex)}: ${why}` };
}
