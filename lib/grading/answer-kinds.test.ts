// One block per kind of answer format that olympiad-style data uses (issue #16), each with
// examples of our own beside the issue's, and the near misses that must stay "not equal".
import { describe, expect, it } from "vitest";
import { checkAnswer } from "@/lib/grading/check";
import { answerPairs } from "@/lib/grading/testing/answer-table";
import type { CheckOptions } from "@/lib/grading/check";

const budget = { timeBudgetMs: 5_000 };
const outcome = (gold: string, pred: string, options: CheckOptions = {}) => {
  const v = checkAnswer(gold, pred, { ...budget, ...options });
  return `${v.outcome} (${v.rule}: ${v.reason})`;
};
const expectEqual = (gold: string, pred: string, options?: CheckOptions) => expect(outcome(gold, pred, options)).toMatch(/^equal/);
const expectNotEqual = (gold: string, pred: string, options?: CheckOptions) => expect(outcome(gold, pred, options)).toMatch(/^not-equal/);

describe("several boxes", () => {
  it.each(
    answerPairs(String.raw`
      (1,2),(2,1)              vs  The pairs are \boxed{(1,2)} and \boxed{(2,1)}
      3, 4                     vs  \boxed{3} cats and \boxed{4} dogs
      \boxed{3} and \boxed{4}  vs  3, 4
      -2, 1                    vs  $x = \boxed{-2}$ or $x = \boxed{1}$
      \{2, 5, 7\}              vs  The primes are $\boxed{7}$, $\boxed{2}$ \quad and $\boxed{5}$.
    `),
  )("%s = %s", (gold, pred) => expectEqual(gold, pred));

  it.each(
    answerPairs(String.raw`
      3, 4         vs  \boxed{3} cats and \boxed{5} dogs
      (1,2),(2,1)  vs  The pairs are \boxed{(1,2)} and \boxed{(2,1)} and \boxed{(3,3)}
    `),
  )("%s != %s", (gold, pred) => expectNotEqual(gold, pred));

  it("keeps the last-box rule for a single gold, and can be switched off", () => {
    expectEqual("5", "First $\\boxed{3}$, corrected: the answer is $\\boxed{5}$");
    expectNotEqual("3, 4", "\\boxed{3} cats and \\boxed{4} dogs", { joinBoxes: false });
    // A last box that already holds the whole answer is the answer.
    expectEqual("1, 2", "We get $\\boxed{1}$ and so the solutions are $\\boxed{1, 2}$.");
    // Boxes far apart (an intermediate result, then the answer) are not one answer.
    expectNotEqual("3, 4", `We find $\\boxed{3}$.\n\nThen after a long computation with $x=2$ we get $\\boxed{4}$.`);
  });
});

describe("labelled answers", () => {
  it.each(
    answerPairs(String.raw`
      (4,1)        vs  (a,b)=(4,1)
      \frac23      vs  \frac{AM}{MB}=\frac{2}{3}
      5:9          vs  S_1:S_2=5:9
      7            vs  |PQ|=7
      2, -1        vs  a=2, b=-1
      12           vs  m\angle ABC = 12
      \frac{1}{4}  vs  P(A) = \frac14
      30           vs  f(3) = 30
      2\sqrt{3}    vs  \overline{AB} = 2\sqrt3
      (1, -2, 3)   vs  (x, y, z) = (1, -2, 3)
    `),
  )("%s = %s", (gold, pred) => expectEqual(gold, pred));

  it.each(
    answerPairs(`
      (4,1)  vs  (a,b)=(1,4)
      7      vs  |PQ| = 8
      // A gold line "x + y = 1" is an equation, not the number 1.
      x+y=1  vs  1
      // A left side with numbers of its own is a statement, not a name.
      5      vs  2x+1=5
    `),
  )("%s != %s", (gold, pred) => expectNotEqual(gold, pred));
});

describe("relations and intervals", () => {
  it.each(
    answerPairs(String.raw`
      [4, \infty)                     vs  y \ge 4
      y \ge 4                         vs  -y \le -4
      y \ge 4                         vs  4 \le y
      [-5,-2] \cup [2,5]              vs  2 \le |t| \le 5
      (-1,2)                          vs  -1 < h(t) < 2
      (-\infty, 3)                    vs  2x - 6 < 0
      (-3, 3)                         vs  |x| < 3
      (-\infty, -1] \cup [1, \infty)  vs  |x| \ge 1
      [1, 4)                          vs  2 \le 2x < 8
      (-2, 3]                         vs  3 \ge x > -2
      (-\infty,-1) \cup (3, \infty)   vs  x < -1 \text{ or } x > 3
      x < -1 or x > 3                 vs  (3,\infty)\cup(-\infty,-1)
      (-\infty, \infty)               vs  \mathbb{R}
      (-\infty,3)\cup(3,\infty)       vs  x \ne 3
    `),
  )("%s = %s", (gold, pred) => expectEqual(gold, pred));

  it.each(
    answerPairs(String.raw`
      [4, \infty)                    vs  y > 4
      y \ge 4                        vs  y \le 4
      [-5,-2] \cup [2,5]             vs  2 < |t| \le 5
      (-3, 3)                        vs  |x| \le 3
      (-\infty,-1) \cup (3, \infty)  vs  x < -1 or x > 4
    `),
  )("%s != %s", (gold, pred) => expectNotEqual(gold, pred));

  it("honours allow_set_relation_comp exactly (relationsAsIntervals)", () => {
    // Off: a predicted relation is not compared with a gold interval; a gold relation still is.
    expectNotEqual("[4,\\infty)", "y \\ge 4", { relationsAsIntervals: false });
    expectEqual("y \\ge 4", "[4,\\infty)", { relationsAsIntervals: false });
    expectEqual("[4,\\infty)", "y \\ge 4", { relationsAsIntervals: true });
  });
});

describe("sets", () => {
  it.each(
    answerPairs(String.raw`
      \{1,2\}          vs  \{1,1,2\}
      \{1,2,2,3\}      vs  \{3,2,1\}
      \{(1,2),(3,4)\}  vs  \{(3,4),(1,2)\}
      (1,2),(3,4)      vs  (3,4),(1,2)
      \{\frac12, 2\}   vs  \{2, 0.5, \frac{2}{4}\}
      \emptyset        vs  \{\}
      \varnothing      vs  ∅
    `),
  )("%s = %s", (gold, pred) => expectEqual(gold, pred));

  it.each(
    answerPairs(String.raw`
      \{1,2\}          vs  \{1,2,3\}
      \{(1,2),(3,4)\}  vs  \{(2,1),(3,4)\}
    `),
  )("%s != %s", (gold, pred) => expectNotEqual(gold, pred));

  it("decides a 300-element set and a 5,000-element list", () => {
    const items = Array.from({ length: 300 }, (_, i) => String(i * 7));
    expectEqual(`\\{${items.join(",")}\\}`, `\\{${[...items].reverse().join(",")}\\}`);
    const long = Array.from({ length: 5_000 }, (_, i) => String(i));
    expectEqual(long.join(", "), [...long].reverse().join(", "));
    const changed = [...long];
    changed[2_500] = "99999";
    expectNotEqual(long.join(", "), changed.join(", "));
  });
});

describe("matrices", () => {
  const m = "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}";
  it.each([
    [m, "\\left[\\begin{array}{cc}1&2\\\\3&4\\end{array}\\right]"],
    [m, "\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}"],
    [m, "\\begin{Bmatrix}1&2\\\\3&4\\end{Bmatrix}"],
    ["\\begin{pmatrix}2&2\\\\3&4\\end{pmatrix}", `${m}+\\begin{pmatrix}1&0\\\\0&0\\end{pmatrix}`],
    ["\\begin{pmatrix}2&4\\\\6&8\\end{pmatrix}", `2${m}`],
    ["\\begin{pmatrix}7&10\\\\15&22\\end{pmatrix}", `${m}${m}`],
    ["\\begin{pmatrix}0&0\\\\0&0\\end{pmatrix}", `${m}-${m}`],
  ])("%s = %s", (gold, pred) => expectEqual(gold, pred));

  it.each([
    ["\\begin{pmatrix}2&4\\\\6&9\\end{pmatrix}", `2${m}`],
    [m, "\\begin{pmatrix}1&3\\\\2&4\\end{pmatrix}"],
  ])("%s != %s", (gold, pred) => expectNotEqual(gold, pred));
});

describe("sums and products", () => {
  it.each(
    answerPairs(String.raw`
      385                 vs  \sum_{k=1}^{10} k^2
      3628800             vs  \prod_{k=1}^{10} k
      \sum_{k=1}^{n} k^2  vs  \sum_{j=1}^{n} j^2
      \frac{n(n+1)}{2}    vs  \sum_{i=1}^{n} i
      2^{n}-1             vs  \sum_{i=0}^{n-1} 2^i
      500500              vs  \sum_{k=1}^{1000} k
    `),
  )("%s = %s", (gold, pred) => expectEqual(gold, pred));

  it.each(
    answerPairs(String.raw`
      386                 vs  \sum_{k=1}^{10} k^2
      \sum_{k=1}^{n} k^2  vs  \sum_{k=0}^{n} k^3
      2^{n}               vs  \sum_{i=0}^{n-1} 2^i
    `),
  )("%s != %s", (gold, pred) => expectNotEqual(gold, pred));

  it("evaluates a written-out 1,000-term sum", () => {
    const terms = Array.from({ length: 1_000 }, (_, i) => String(i + 1));
    expectEqual("500500", terms.join("+"));
    expectNotEqual("500501", terms.join("+"));
  });
});

describe("prose around numbers", () => {
  it.each(
    answerPairs(String.raw`
      3.2                 vs  \approx 3.2
      11                  vs  x \approx 11
      40/9                vs  The answer is 4 4/9.
      -\frac{71}{6}       vs  -11 5/6
      3.21                vs  3.21 \approx 3.2
      35                  vs  35 percent
      35                  vs  35 per cent
      2.5                 vs  The mass is 2,5 kg.
      2, 3                vs  x = 2 or x = 3
      1,22                vs  1.22
      3.5                 vs  Die Antwort ist 3,5.
      \frac{\sqrt{2}}{2}  vs  \sin 45^\circ
      \frac{1}{2}         vs  \cos(60^{\circ})
    `),
  )("%s = %s", (gold, pred) => expectEqual(gold, pred));

  it.each(
    answerPairs(`
      2.5   vs  The mass is 2,6 kg.
      2, 3  vs  x = 2 or x = 4
      4     vs  The answer is 4 4/9.
      4/9   vs  The answer is 4 4/9.
    `),
  )("%s != %s", (gold, pred) => expectNotEqual(gold, pred));
});

describe("big answers are decided", () => {
  it("a 3,000-digit integer, and its neighbour", () => {
    const big = `7${"3".repeat(2_999)}`;
    expectEqual(big, big.replace(/3$/, "3"));
    expectNotEqual(big, `${big.slice(0, 1_500)}4${big.slice(1_501)}`);
  });

  it("\\frac nested 200 deep", () => {
    let nested = "2";
    for (let k = 0; k < 200; k++) nested = `\\frac{1}{1+${nested}}`;
    let other = "2";
    for (let k = 0; k < 200; k++) other = `\\frac{1}{${other}+1}`;
    expectEqual(nested, other);
    expectNotEqual(nested, other.replace(/^(.*)2/s, "$13"));
  });
});

describe("choices", () => {
  it.each(
    answerPairs(String.raw`
      C          vs  C. x = 42
      C          vs  (C) 42
      B          vs  \text{(B)}
      \text{No}  vs  no
      Yes        vs  \text{yes}
    `),
  )("%s = %s", (gold, pred) => expectEqual(gold, pred));
  it("a different letter with the same content is another choice", () => expectNotEqual("B", "C. 12"));
  it("a letter followed by an operator is not a choice with content", () => expectNotEqual("\\text{(C)}", "\\text{(C)}+1"));
  it("no is not yes, and the empty set is not {0}", () => {
    expectNotEqual("no", "yes");
    expectNotEqual("\\emptyset", "\\{0\\}");
  });
});

describe("Math-Verify settings honoured exactly", () => {
  it("strict: false matches variables by position", () => {
    expectNotEqual("x+1", "y+1");
    expectEqual("x+1", "y+1", { looseVariables: true });
    expectNotEqual("x+1", "y+2", { looseVariables: true });
    expectNotEqual("\\{1, 2\\}", "(2, 1)");
    expectEqual("\\{1, 2\\}", "(2, 1)", { looseVariables: true });
  });
});
