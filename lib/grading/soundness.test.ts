// Soundness: exact answers are compared exactly. Each near-miss pair differs by a small amount
// that a relative tolerance would hide (a coefficient off by one, a tiny extra term, factorial
// neighbours, one digit of a big integer); each equal pair must stay equal under the same rules.
import { describe, expect, it } from "vitest";
import { checkAnswer } from "@/lib/grading/check";
import { answerPairs } from "@/lib/grading/testing/answer-table";

// A generous wall-clock budget: these tests are about verdicts, and the test machine is shared.
const options = { timeBudgetMs: 5_000 };
const notEqual = (gold: string, pred: string) => {
  const v = checkAnswer(gold, pred, options);
  expect(v.outcome, `${gold} vs ${pred}: ${v.rule}: ${v.reason}`).toBe("not-equal");
};
const equal = (gold: string, pred: string) => {
  const v = checkAnswer(gold, pred, options);
  expect(v.outcome, `${gold} vs ${pred}: ${v.rule}: ${v.reason}`).toBe("equal");
};

describe("soundness: never a false equal on exact inputs", () => {
  it.each(
    answerPairs(String.raw`
      1000000x                        vs  1000001x
      999999y^2                       vs  1000000y^2
      (x+1)^{30}                      vs  (x+1)^{30}+x
      (x+2)^{25}                      vs  (x+2)^{25}-1
      e^{20x}                         vs  e^{20x}+1
      e^{15t}-3                       vs  e^{15t}-2
      12345\pi                        vs  12346\pi
      98765\sqrt{2}                   vs  98766\sqrt{2}
      \frac{1}{2004!}                 vs  \frac{1}{2005!}
      \frac{1}{100!}                  vs  \frac{1}{101!}
      300!                            vs  301!
      \frac{20000}{\pi}               vs  \frac{20001}{\pi}
      2^{100}                         vs  2^{100}+1
      3^{200}                         vs  3^{200}-1
      123456789012345678901234567890  vs  123456789012345678901234567891
      10^{30}+1                       vs  10^{30}
      \ln(1000001)                    vs  \ln(1000000)
      \sqrt{1000001}                  vs  1000
      \binom{100}{50}                 vs  \binom{100}{50}+1
      \pi^{10}                        vs  \pi^{10}+10^{-6}
      x^{20}+x^{19}                   vs  x^{20}+x^{19}+10^{-9}x
      \frac{x}{1000000}               vs  \frac{x}{1000001}
      e^{\pi}                         vs  \pi^{e}
      \sum_{k=1}^{1000} k             vs  500501
      \sum_{k=1}^{n} k^2              vs  \frac{n(n+1)(2n+1)}{6}+1
      \prod_{k=1}^{20} k              vs  20!+1
    `),
  )("%s vs %s", (gold, pred) => notEqual(gold, pred));

  it("digit perturbations of long integers are all different", () => {
    const base = "31415926535897932384626433832795028841971";
    for (let i = 0; i < base.length; i += 5) {
      const d = String((Number(base[i]) + 1) % 10);
      notEqual(base, base.slice(0, i) + d + base.slice(i + 1));
    }
  });

  it("coefficient off by one in a polynomial of growing degree", () => {
    for (let n = 2; n <= 30; n += 4) {
      const terms = Array.from({ length: n }, (_, k) => `${k + 1}x^{${k}}`);
      const bumped = [...terms];
      bumped[n - 1] = `${n + 1}x^{${n - 1}}`;
      notEqual(terms.join("+"), bumped.join("+"));
      equal(terms.join("+"), [...terms].reverse().join("+"));
    }
  });
});

describe("soundness: equal exact forms stay equal", () => {
  it.each(
    answerPairs(String.raw`
      \frac{\sqrt3}{2}     vs  \frac{1}{2}\sqrt{3}
      \sqrt{2}\sqrt{8}     vs  4
      \sin^2 x+\cos^2 x    vs  1
      \sin(\pi)            vs  0
      \ln 8                vs  3\ln 2
      e^{20x}              vs  (e^{10x})^2
      (x+1)^{30}           vs  (1+x)^{30}
      (x+1)^3              vs  x^3+3x^2+3x+1
      \frac{1}{2004!}      vs  \frac{2005}{2005!}
      12345\pi             vs  \pi\cdot 12345
      \binom{10}{3}        vs  120
      \sum_{k=1}^{10} k^2  vs  385
      \sum_{k=1}^{n} k     vs  \frac{n(n+1)}{2}
      \prod_{k=1}^{5} k    vs  5!
      \frac{1}{\sqrt{2}}   vs  \frac{\sqrt{2}}{2}
      2\sqrt{3}-1          vs  -1+\sqrt{12}
      \tan\frac{\pi}{4}    vs  1
      \log_2 1024          vs  10
      0.\overline{3}       vs  \frac13
    `),
  )("%s = %s", (gold, pred) => equal(gold, pred));
});

describe("tolerance applies only where a decimal was written", () => {
  it.each(
    answerPairs(String.raw`
      \pi          vs  3.1416
      \frac{1}{3}  vs  0.33333
      \sqrt{2}     vs  1.41421
      2.5x         vs  \frac{5x}{2}
    `),
  )("%s = %s (decimal written)", (gold, pred) => equal(gold, pred));

  it.each(
    answerPairs(String.raw`
      \pi          vs  3.14
      \frac{1}{3}  vs  0.33
      5            vs  5.001
    `),
  )("%s != %s (decimal too coarse)", (gold, pred) => notEqual(gold, pred));

  it("Math-Verify's precision rounds both sides to that many places where a decimal was written", () => {
    expect(checkAnswer("\\frac{1}{3}", "0.333333", { decimalPlaces: 6 }).outcome).toBe("equal");
    expect(checkAnswer("\\frac{1}{3}", "0.3333", { decimalPlaces: 6 }).outcome).toBe("not-equal");
    expect(checkAnswer("\\frac{1}{3}", "0.3333", { decimalPlaces: 3 }).outcome).toBe("equal");
    // It never loosens an exact comparison.
    expect(checkAnswer("12345\\pi", "12346\\pi", { decimalPlaces: 0 }).outcome).toBe("not-equal");
  });
});

describe("a value beyond the evaluator's precision is undecided, never a throw", () => {
  // decimal.js has π to ~1,000 digits; a huge integer beside a trigonometric value sets the working
  // precision past it. One such row used to fail a whole grading batch.
  it.each(
    answerPairs(String.raw`
      \tan 15^\circ          vs  2^{4181}
      \sin 1                 vs  3^{3000}
      \cos\frac{\pi}{7}      vs  10^{2000}+1
      2^{5000}               vs  \tan\frac{\pi}{5}
    `),
  )("%s vs %s", (gold, pred) => {
    const verdict = checkAnswer(gold, pred);
    expect(verdict.outcome).not.toBe("equal");
    expect(verdict.reason).not.toBe("");
  });
});
