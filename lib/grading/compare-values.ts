// Structural comparison: dispatches on the shapes of gold and prediction, recursing into
// elements, and reports the first rule that decides. Gold comes first, as in Math-Verify: the
// "x = " prefix is dropped from a prediction only when gold is not itself an equation.
import type { AnswerValue } from "@/lib/grading/answer-value";
import { describeKind } from "@/lib/grading/answer-value";
import type { CompareContext, Decision } from "@/lib/grading/compare-context";
import { quote } from "@/lib/grading/compare-context";
import { compareScalars } from "@/lib/grading/compare-scalar";
import { parseAnswer } from "@/lib/grading/parse-answer";
import { relationToSet } from "@/lib/grading/relation-to-set";
import { compareEquations } from "@/lib/grading/compare-equations";

const MAX_PAIRINGS = 2_500;

export function compareValues(gold: AnswerValue, pred: AnswerValue, ctx: CompareContext): Decision {
  ctx.budget.tick();
  const g = unwrap(gold, pred, ctx, true);
  const p = unwrap(pred, gold, ctx, false);
  if (g.kind === "unparsed") return { equal: null, rule: "parse-failure", reason: `gold ${quote(g.latex)}: ${g.why}` };
  if (p.kind === "unparsed") return { equal: null, rule: "parse-failure", reason: `prediction ${quote(p.latex)}: ${p.why}` };

  if (g.kind === "percent" || p.kind === "percent") return comparePercent(g, p, ctx);
  // "x < -1 or x > 3": alternatives of one unknown are the union of their sets.
  const gu = g.kind === "list" && isSetLike(p) ? relationsAsUnion(g, ctx) : null;
  const pu = p.kind === "list" && isSetLike(g) && ctx.relationsAsIntervals ? relationsAsUnion(p, ctx) : null;
  if (gu || pu) {
    const d = compareValues(gu ?? g, pu ?? p, ctx);
    return { ...d, rule: "inequality", reason: `inequality: alternatives read as one set; ${d.reason}` };
  }
  if (g.kind === "relation" || p.kind === "relation") return compareRelations(g, p, ctx);

  if (g.kind === "choice" || p.kind === "choice") {
    const letter = (v: AnswerValue) => (v.kind === "choice" ? v.letter : v.kind === "text" ? v.text.toUpperCase() : null);
    const [a, b] = [letter(g), letter(p)];
    return { equal: a !== null && a === b, rule: "choice", reason: `choice: ${a ?? describeKind(g)} vs ${b ?? describeKind(p)}` };
  }
  if (g.kind === "text" || p.kind === "text") {
    const equal = g.kind === "text" && p.kind === "text" && g.text.replace(/\s/g, "") === p.text.replace(/\s/g, "");
    return { equal, rule: "string", reason: `text: "${quote(g.latex)}" ${equal ? "matches" : "differs from"} "${quote(p.latex)}"` };
  }
  if (g.kind === "expr" && p.kind === "expr") return compareScalars(g, p, ctx);
  // A decimal comma ("2,5" for 2.5) is read in a prediction; in a gold only when the prediction
  // wrote exactly that decimal ("1,22" vs "1.22"): a gold "2,6" is otherwise a list.
  if (g.kind === "list" && g.decimalComma && p.kind === "expr" && p.latex.trim() === g.decimalComma) return decimalComma(g.decimalComma, p, ctx, true);
  if (p.kind === "list" && p.decimalComma && g.kind === "expr") return decimalComma(p.decimalComma, g, ctx, false);

  if (g.kind === "matrix" || p.kind === "matrix") return compareMatrices(g, p, ctx);
  if (g.kind === "interval" && p.kind === "interval") return compareIntervals(g, p, ctx);
  if ((g.kind === "interval" && p.kind === "tuple") || (g.kind === "tuple" && p.kind === "interval")) {
    const iv = g.kind === "interval" ? g : (p as Extract<AnswerValue, { kind: "interval" }>);
    if (iv.left === "(" && iv.right === ")") return compareOrdered(items(g), items(p), "interval", ctx);
    return { equal: false, rule: "interval", reason: `interval: ${quote(iv.latex)} is not open at both ends, so it is not the pair ${quote((g.kind === "tuple" ? g : p).latex)}` };
  }
  if (g.kind === "union" || p.kind === "union") {
    const parts = (v: AnswerValue) => (v.kind === "union" ? v.parts : [v]);
    return compareUnordered(parts(g), parts(p), "union", ctx);
  }
  if (g.kind === "tuple" || p.kind === "tuple") {
    // Math-Verify's strict: false compares a set with a tuple (as sets); by default they differ.
    if (g.kind === "set" || p.kind === "set") return ctx.looseVariables ? compareUnordered(items(g), items(p), "set", ctx, true) : mismatch(g, p, "tuple");
    if (g.kind === "expr" || p.kind === "expr") return mismatch(g, p, "tuple");
    return compareOrdered(items(g), items(p), "tuple", ctx);
  }
  if ((g.kind === "set" || g.kind === "list") && (p.kind === "set" || p.kind === "list")) return compareUnordered(items(g), items(p), "set", ctx, g.kind === "set" || p.kind === "set");
  return mismatch(g, p, "string");
}

/** One-element collections are their element; "x = 5" is 5 unless the other side is an equation. */
function unwrap(value: AnswerValue, other: AnswerValue, ctx: CompareContext, isGold: boolean): AnswerValue {
  let v = value;
  for (let k = 0; k < 4; k++) {
    if ((v.kind === "list" || v.kind === "tuple") && v.items.length === 1) v = v.items[0];
    else if (v.kind === "relation" && !ctx.strict && v.ops.every((o) => o === "=") && !isEquation(other)) {
      // A labelled answer: the right-hand side is the answer when the left names what was asked
      // ("x = 5", "(a, b) = (4, 1)", "\frac{AM}{MB} = \frac23", "|PQ| = 7", "S_1:S_2 = 5:9"), and a
      // chain "x = 5 + 5 + 1 = 11" gives its last side, as Math-Verify does.
      if (v.terms.length > 2 || namesWhatIsAsked(v.terms[0].latex, isGold)) v = v.terms[v.terms.length - 1];
      else break;
    } else break;
  }
  return v;
}

function isEquation(v: AnswerValue): boolean {
  return v.kind === "relation" && v.ops.length === 1 && v.ops[0] === "=" && !namesWhatIsAsked(v.terms[0].latex, true);
}

/**
 * A left-hand side that names the unknown rather than stating a condition: letters, subscripts,
 * primes, function applications f(3), fractions and ratios of names, |PQ|, (a, b), m\angle A - no
 * numbers of its own. A prediction's label may also combine names with + and - ("a + b = 7");
 * a gold's may not, since "x + y = 1" is a line.
 */
export function namesWhatIsAsked(latex: string, strictForm: boolean): boolean {
  let s = latex.trim();
  if (s === "" || s.length > 60) return false;
  s = s.replace(/_\s*\{[^{}]*\}|_\s*\\?[A-Za-z0-9]+/g, "").replace(/\^\s*\{?\s*\\prime\s*\}?|'/g, "");
  // f(3), g(x, y), P(A): an application of a one-letter name.
  s = s.replace(/(?<![A-Za-z\\])([A-Za-z])\s*\(\s*[^()]*\)/g, "$1");
  s = s.replace(/\\(?:angle|measuredangle|triangle|overline|overrightarrow|vec|widehat|hat|bar|operatorname|mathrm|text|frac|dfrac|tfrac|left|right|cdot|colon|lvert|rvert|vert|mid)(?![A-Za-z])/g, " ");
  s = s.replace(/\\[A-Za-z]+/g, "a");
  if (/\d/.test(s) || !/[A-Za-z]/.test(s)) return false;
  const allowed = strictForm ? /^[A-Za-z\s{}()|,:/[\]]+$/ : /^[A-Za-z\s{}()|,:/[\]+-]+$/;
  return allowed.test(s);
}

function items(v: AnswerValue): AnswerValue[] {
  if (v.kind === "tuple" || v.kind === "list" || v.kind === "set") return v.items;
  if (v.kind === "interval") return [v.lo, v.hi];
  return [v];
}

function mismatch(g: AnswerValue, p: AnswerValue, rule: string): Decision {
  return { equal: false, rule, reason: `gold ${quote(g.latex)} is ${describeKind(g)}, prediction ${quote(p.latex)} is ${describeKind(p)}` };
}

function comparePercent(g: AnswerValue, p: AnswerValue, ctx: CompareContext): Decision {
  if (g.kind === "percent" && p.kind === "percent") {
    const d = compareValues(g.value, p.value, ctx);
    return { ...d, rule: "percent", reason: `percent: ${d.reason}` };
  }
  const [pct, other] = g.kind === "percent" ? [g, p] : [p as Extract<AnswerValue, { kind: "percent" }>, g];
  const asNumber = g.kind === "percent" ? compareValues(pct.value, other, ctx) : compareValues(other, pct.value, ctx);
  if (asNumber.equal) return { equal: true, rule: "percent", reason: `percent: ${quote(pct.latex)} read as ${quote(pct.value.latex)}; ${asNumber.reason}` };
  if (ctx.percentRule && pct.value.kind === "expr") {
    const scaled: AnswerValue = { kind: "expr", latex: `${pct.value.latex}/100`, json: ["Divide", pct.value.json, 100] };
    const asFraction = g.kind === "percent" ? compareValues(scaled, other, ctx) : compareValues(other, scaled, ctx);
    if (asFraction.equal) return { equal: true, rule: "percent", reason: `percent: ${quote(pct.latex)} read as ${quote(scaled.latex)} (percent rule); ${asFraction.reason}` };
    if (asFraction.equal === null && asNumber.equal === null) return { ...asNumber, rule: "percent" };
  }
  return { equal: asNumber.equal === null ? null : false, rule: "percent", reason: `percent: neither reading of ${quote(pct.latex)} matches; ${asNumber.reason}` };
}

function compareRelations(g: AnswerValue, p: AnswerValue, ctx: CompareContext): Decision {
  if (g.kind === "relation" && p.kind === "relation") {
    const allEqual = (v: typeof g) => v.ops.length === 1 && v.ops[0] === "=";
    if (allEqual(g) && allEqual(p)) return compareEquations(g, p, ctx);
    const [sg, sp] = [relationToSet(g, ctx.budget), relationToSet(p, ctx.budget)];
    if (sg && sp) {
      if (ctx.strict && sg.variable !== sp.variable) return { equal: false, rule: "inequality", reason: `inequality: variable ${sg.variable} vs ${sp.variable}` };
      const d = compareValues(sg.set, sp.set, ctx);
      return { ...d, rule: "inequality", reason: `inequality: as sets of ${sg.variable}, ${d.reason}` };
    }
    if (g.ops.length === p.ops.length && g.ops.every((o, i) => o === p.ops[i])) {
      const d = compareOrdered(g.terms, p.terms, "equation", ctx);
      return d;
    }
    return mismatch(g, p, "equation");
  }
  const [rel, other] = g.kind === "relation" ? [g, p] : [p as Extract<AnswerValue, { kind: "relation" }>, g];
  // Math-Verify's allow_set_relation_comp: a gold relation is always read as a set when the
  // prediction is one; a prediction's relation only when the setting allows it.
  const allowed = g.kind === "relation" || ctx.relationsAsIntervals;
  const setLike = other.kind === "interval" || other.kind === "union" || other.kind === "set" || other.kind === "tuple";
  const asSet = allowed && setLike ? relationToSet(rel, ctx.budget) : null;
  if (asSet) {
    const d = g.kind === "relation" ? compareValues(asSet.set, other, ctx) : compareValues(other, asSet.set, ctx);
    return { ...d, rule: "inequality", reason: `inequality: ${quote(rel.latex)} read as ${asSet.variable} ∈ ${quote(asSet.set.latex)}; ${d.reason}` };
  }
  if (!allowed && setLike) return { equal: false, rule: "inequality", reason: `inequality: the prediction ${quote(rel.latex)} is a relation and the gold a set; comparing them is off (allow_set_relation_comp)` };
  return mismatch(g, p, "equation");
}

function isSetLike(v: AnswerValue): boolean {
  return v.kind === "interval" || v.kind === "union";
}

/** A list of relations of the same unknown, as the union of the sets they describe. */
function relationsAsUnion(list: Extract<AnswerValue, { kind: "list" }>, ctx: CompareContext): AnswerValue | null {
  const sets: AnswerValue[] = [];
  let variable: string | null = null;
  for (const item of list.items) {
    if (item.kind !== "relation") return null;
    const s = relationToSet(item, ctx.budget);
    if (!s || (variable !== null && s.variable !== variable)) return null;
    variable = s.variable;
    sets.push(...(s.set.kind === "union" ? s.set.parts : [s.set]));
  }
  return { kind: "union", latex: list.latex, parts: sets };
}

function decimalComma(reading: string, other: AnswerValue, ctx: CompareContext, goldHasComma: boolean): Decision {
  const value = parseAnswer(reading, ctx.budget);
  const d = goldHasComma ? compareValues(value, other, ctx) : compareValues(other, value, ctx);
  return { ...d, reason: `decimal comma read as ${reading}; ${d.reason}` };
}

function compareIntervals(g: Extract<AnswerValue, { kind: "interval" }>, p: Extract<AnswerValue, { kind: "interval" }>, ctx: CompareContext): Decision {
  if (g.left !== p.left || g.right !== p.right) {
    return { equal: false, rule: "interval", reason: `interval: brackets ${g.left}${g.right} vs ${p.left}${p.right}` };
  }
  return compareOrdered([g.lo, g.hi], [p.lo, p.hi], "interval", ctx);
}

function compareMatrices(g: AnswerValue, p: AnswerValue, ctx: CompareContext): Decision {
  const cells = (v: AnswerValue): AnswerValue[][] | null => {
    if (v.kind === "matrix") return v.rows;
    if (v.kind === "tuple" || v.kind === "list") return v.items.map((i) => [i]);
    return null;
  };
  const [a, b] = [cells(g), cells(p)];
  if (!a || !b) return mismatch(g, p, "matrix");
  // A column vector and a tuple hold the same numbers; so do a row vector and a tuple.
  const flat = (m: AnswerValue[][]) => (m.length === 1 || m.every((r) => r.length === 1) ? m.flat() : null);
  if (a.length !== b.length || a[0].length !== b[0].length) {
    const [fa, fb] = [flat(a), flat(b)];
    if (fa && fb && fa.length === fb.length) return compareOrdered(fa, fb, "matrix", ctx);
    return { equal: false, rule: "matrix", reason: `matrix: shape ${a.length}x${a[0].length} vs ${b.length}x${b[0].length}` };
  }
  return compareOrdered(a.flat(), b.flat(), "matrix", ctx);
}

function compareOrdered(a: AnswerValue[], b: AnswerValue[], rule: string, ctx: CompareContext): Decision {
  if (a.length !== b.length) return { equal: false, rule, reason: `${rule}: ${a.length} elements vs ${b.length}` };
  let undecided: Decision | null = null;
  for (let i = 0; i < a.length; i++) {
    const d = compareValues(a[i], b[i], ctx);
    if (d.equal === false) return { equal: false, rule, reason: `${rule}: element ${i + 1} differs (${d.reason})` };
    if (d.equal === null) undecided ??= d;
  }
  if (undecided) return { equal: null, rule: undecided.rule, reason: `${rule}: ${undecided.reason}` };
  return { equal: true, rule, reason: `${rule}: all ${a.length} elements equal in order` };
}

function compareUnordered(a: AnswerValue[], b: AnswerValue[], rule: string, ctx: CompareContext, asSets = false): Decision {
  // A set written with a repeated element is the same set: repeats are dropped first.
  const [ga, pb] = asSets ? [dedupe(a, ctx), dedupe(b, ctx)] : [a, b];
  if (ga.length !== pb.length) return { equal: false, rule, reason: `${rule}: ${ga.length} ${asSets ? "distinct " : ""}elements vs ${pb.length}` };
  // Identical elements pair up by their text first (linear), so big collections stay cheap;
  // only what is left is compared pairwise.
  const byKey = new Map<string, number[]>();
  pb.forEach((v, j) => {
    const k = keyOf(v);
    byKey.set(k, [...(byKey.get(k) ?? []), j]);
  });
  const used = new Array<boolean>(pb.length).fill(false);
  const rest: AnswerValue[] = [];
  for (const v of ga) {
    ctx.budget.tick();
    const j = byKey.get(keyOf(v))?.find((k) => !used[k]);
    if (j === undefined) rest.push(v);
    else used[j] = true;
  }
  const left = pb.filter((_, j) => !used[j]);
  if (rest.length * left.length > MAX_PAIRINGS) return { equal: null, rule: "timeout", reason: `${rule}: ${rest.length} elements differ in writing and are too many to pair up` };
  const taken = new Array<boolean>(left.length).fill(false);
  let undecided: Decision | null = null;
  for (const v of rest) {
    let found = false;
    for (let j = 0; j < left.length && !found; j++) {
      if (taken[j]) continue;
      const d = compareValues(v, left[j], ctx);
      if (d.equal) {
        taken[j] = true;
        found = true;
      } else if (d.equal === null) undecided ??= d;
    }
    if (!found) {
      if (undecided) return { equal: null, rule: undecided.rule, reason: `${rule}: ${undecided.reason}` };
      return { equal: false, rule, reason: `${rule}: gold element ${quote(v.latex)} has no match in the prediction` };
    }
  }
  return { equal: true, rule, reason: `${rule}: all ${ga.length} ${asSets ? "distinct " : ""}elements match, order ignored` };
}

function keyOf(v: AnswerValue): string {
  return v.latex.replace(/\s+/g, "");
}

/** Drops elements equal to an earlier one: by text always, by value for up to 60 elements. */
function dedupe(items: AnswerValue[], ctx: CompareContext): AnswerValue[] {
  const seen = new Set<string>();
  const out: AnswerValue[] = [];
  for (const v of items) {
    const k = keyOf(v);
    if (seen.has(k)) continue;
    seen.add(k);
    if (items.length <= 60 && out.some((u) => compareValues(u, v, ctx).equal === true)) continue;
    out.push(v);
  }
  return out;
}
