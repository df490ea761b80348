// The arithmetic filter drops a row only when it is sure the arithmetic is wrong. Each block is a
// kind of writing; the issue's three false drops are the first cases.
import { describe, expect, it } from "vitest";
import { incorrectArithmeticReason } from "@/lib/grading/filters/drop-incorrect-arithmetic";

const check = (solution: string, problem = "") => incorrectArithmeticReason({ problem, solution });
const keeps = (solution: string, problem = "") => expect(check(solution, problem), solution).toBeNull();
const drops = (solution: string, problem = "") => expect(check(solution, problem), solution).toMatch(/wrong/);
/** Cases one a line: `keeps` or `drops`, then the solution as written (String.raw keeps its backslashes); // lines are comments. */
const expectEach = (cases: string) => {
  for (const line of cases.split("\n").map((l) => l.trim())) {
    if (line === "" || line.startsWith("//")) continue;
    const match = /^(keeps|drops)\s+(\S.*)$/.exec(line);
    if (!match) throw new Error(`not a "keeps|drops  solution" case: ${line}`);
    (match[1] === "keeps" ? keeps : drops)(match[2] as string);
  }
};

describe("arithmetic check: whole expressions, not their tails", () => {
  // The issue's three sentences, with the results written in.
  const issueSentences = (total: number, passed: number, sum: number, s: number) => [
    `So the total is $5 \\cdot 16 - 16 = ${total}$ cookies.`,
    `There are 60 students x 2/3 = ${passed} students who passed.`,
    `So S + 143 = 200 - 16 = ${sum}, and S = ${s}.`,
  ];

  it("the issue's false drops are kept", () => {
    for (const sentence of issueSentences(64, 40, 184, 41)) keeps(sentence);
  });

  it("still drops the same kinds written wrong", () => {
    for (const sentence of issueSentences(65, 45, 186, 43)) drops(sentence);
  });

  it("reads every way of writing * and /", () => {
    for (const op of ["*", "\\cdot", "\\times", "×", "·", "x", "X"]) keeps(`We get $6 ${op} 7 = 42$ here.`);
    for (const op of ["*", "\\cdot", "\\times", "×", "x"]) drops(`We get $6 ${op} 7 = 48$ here.`);
    for (const op of ["/", "÷", "\\div"]) keeps(`Each gets 84 ${op} 4 = 21 apples.`);
    for (const op of ["/", "÷", "\\div"]) drops(`Each gets 84 ${op} 4 = 22 apples.`);
    expectEach(`
      keeps  Tight: 4x5=20 and 3 X 3 = 9.
      keeps  Implied: $(2)(3)(4) = 24$ and $2(3 + 4) = 14$.
      drops  Implied: $2(3 + 4) = 10$.
    `);
  });

  it("reads fractions and mixed numbers", () => {
    expectEach(String.raw`
      keeps  So $\frac{3}{4} \cdot 8 = 6$.
      keeps  So $\dfrac{15}{3} + \tfrac12 = 5.5$ and $\frac 12 + \frac 14 = \frac34$.
      drops  So $\frac{3}{4} \cdot 8 = 7$.
      keeps  We have $-\frac{15}{4} = -3\frac{3}{4}$ and $\frac{100}{3}=33\frac{1}{3}$.
      keeps  The mean is $\frac{3 \times 0 + 1 \times 1 + 4 \times 2}{3} = 3$.
      drops  The mean is $\frac{3 \times 0 + 1 \times 1 + 4 \times 2}{3} = 4$.
      // 2\frac{(0+5)169}{2} is 2 times the fraction, not a mixed number
      keeps  $2\frac{(0+5)\cdot169}{2}-5 =168\cdot5 =\boxed{840}$.
    `);
  });

  it("checks whole chains a = b = c, pair by pair", () => {
    expectEach(String.raw`
      keeps  $3 * (1 + 7) / 4 = 3 * 8 / 4 = 6$
      drops  $3 * (1 + 7) / 4 = 3 * 8 / 4 = 100$
      drops  Then 2 + 2 = 5 = 5.
      keeps  $$\frac{411}{38} = \frac{380}{38}+\frac{31}{38} = 10\frac{31}{38}.$$
    `);
    keeps("\\begin{align*}\nx &= 3 + 4 \\\\\n&= 7\n\\end{align*}");
  });

  it("accepts rounding of the written result and of rounded operands", () => {
    expectEach(`
      keeps  So 10 / 3 = 3.33 dollars each.
      keeps  Each box holds 7 / 2 = 4 when rounded up, or 7 / 2 = 3 full ones.
      keeps  Then 0.33 * 300 = 100 people.
      drops  So 10 / 3 = 3.5 dollars each.
      drops  Then 0.5 * 10 = 6 people.
    `);
  });

  it("reads percent either way a solution means it", () => {
    expectEach(`
      keeps  The discount is 20% * 50 = 10 dollars.
      keeps  The share is 20 / 80 * 100 = 25%.
      keeps  The share is 20 / 80 = 25%.
      drops  The discount is 20% * 50 = 12 dollars.
    `);
  });

  it("reads money, thousands separators and units between numbers", () => {
    expectEach(`
      keeps  He paid $15 + $23 = $38 in all.
      keeps  The team scored 10 x 1,148 = 11,480 points.
      keeps  She has 5 snakes/jaguar * 6 jaguars = 30 snakes.
      keeps  Noah earned $60/large painting x 8 large paintings = $480.
      keeps  He watches 8 games x 2 hours per game = 16 hours.
      drops  She has 5 snakes/jaguar * 6 jaguars = 31 snakes.
      drops  He paid $15 + $23 = $39 in all.
    `);
  });
});

describe("arithmetic check: what is not clean arithmetic is skipped", () => {
  it("a variable, power, root, factorial or function touching the numbers", () => {
    expectEach(String.raw`
      keeps  $2x + 3 = 11$, so $x = 4$.
      keeps  $x^2 + 3 = 12$ and $2^3 + 1 = 9$.
      keeps  $5! + 3 = 123$ and $\sqrt{16} + 1 = 5$.
      keeps  $f(3) = 2 \cdot 3 + 1 = 7$.
      keeps  $b^2-4ac=400-4ac=0$, and $\frac12 bh = 5400$.
    `);
    keeps("$\\log_{2002}\n\\frac{1}{2002} = -1$");
  });

  it("operator words, scales and unit conversions", () => {
    expectEach(String.raw`
      keeps  3 times 4 + 2 = 14 apples.
      keeps  Half of 60 + 10 = 40 people.
      keeps  The loss is 5 * 3 = 15 thousand dollars.
      keeps  So $2.50 - $2.24 = 26 cents more.
      keeps  So $1/5 = 20$ percent of them.
      keeps  That is 1 hour + 20 minutes = 80 minutes.
      keeps  Notice how 4 inches = 1/3 foot.
      keeps  $420\text{ minutes} = \dfrac{420}{60}\text{ hours} = 7$ hours.
    `);
  });

  it("labels, lists, ratios, clock times and codes", () => {
    expectEach(String.raw`
      keeps  Week 1 + Week 2 = 35 + 35 = 70 hours.
      keeps  On day 1 * 2 = 20 pages per day.
      keeps  Remaining 10 = 62,300/10 = $6230.
      keeps  It is similar to the $6-8-10 = 3-4-5$ triangle.
      keeps  The ratio 3:4 = 6:8 holds.
      keeps  Those are $\frac 26, \frac 28 = \frac 13, \frac 14$.
      keeps  From 0900-0130 = 0730 he slept.
      keeps  Python: 2**10 = 1024 and 7//2 = 3.
    `);
  });

  it("line breaks and delimiters do not cut an expression", () => {
    keeps("$1 - \\frac{1}{2} -\n\\frac{1}{5} = \\frac{3}{10}$");
    keeps("the perimeter is $2(12) - 2(2) = 24\n- 4 = 20$ inches.");
    keeps("$7\\cdot 6\\cdot\n5\\cdot 4\\cdot 3 = 2520$");
    keeps("- 5 + 3 = 8 is a bullet");
  });

  it("modular arithmetic and operations a problem defines", () => {
    expectEach(String.raw`
      keeps  The units digit: $7 \cdot 3 = 1$, so the answer is 3.
      keeps  Using $0+0=0$, $0+1=1$ and $1+1=0$ we track the parity.
    `);
    keeps("$3*2 = 3^2 + 3\\cdot 2 - 2^2 = 11$", "If $a*b=a^2+ab-b^2$, find $3*2$.");
    drops("$3*2 = 7$", "What is $3*2$?");
  });

  it("Asymptote code is not prose", () => {
    keeps("[asy]\nreal x = 3*2 + 1; draw((0,0)--(1,1));\n[/asy]\nSo 2 + 2 = 4.");
  });
});

describe("arithmetic check: GSM8K calculator notes", () => {
  it("checks the note as written", () => {
    keeps("Natalia sold 48/2 = <<48/2=24>>24 clips in May.\n#### 24");
    keeps("It costs 2*.5 = $<<2*.5=1>>1.\n#### 1");
    drops("Natalia sold 48/2 = <<48/2=25>>25 clips in May.\n#### 25");
  });

  it("a wrong retelling beside a right note is the person's typo, not the computation", () => {
    keeps("Jerry took 2*8 = <<2*8=16>>16 hours.\nSo 2*8 = 24 hours in all.\n#### 16");
  });
});

describe("arithmetic check: more writing that is not a claim", () => {
  it("labels with units, mixed numbers in words, repeating decimals, stray dots", () => {
    expectEach(`
      keeps  The cost for 5 friends = 250/5 = 50 dollars each.
      keeps  Each drink uses 1/4 cup + 1 and 1/4 cup = 1.5 cups.
      keeps  So 20 minutes / 240 minutes = 8.333...%, about 8%.
      keeps  The proportions total .8 + . 84 + .82 = 2.46.
    `);
  });
});

describe("arithmetic check: hostile input stays bounded", () => {
  // Each of these overflowed the stack or ran for minutes before the bounds in arithmetic-value.ts
  // and arithmetic-tokens.ts; the test's own timeout is the guard.
  it("deep nesting, long sign runs, long division chains and huge numbers return, and are not dropped unread", () => {
    keeps(`${"(".repeat(20_000)}1${")".repeat(20_000)} = 2`);
    keeps(`${"\\frac{".repeat(3_000)}1${"}{2}".repeat(3_000)} = 5`);
    keeps(`${"- ".repeat(50_000)}5 + 1 = 7`);
    keeps(`${Array.from({ length: 200 }, () => "2").join(" / ")} = 3`);
    keeps(`${Array.from({ length: 50_000 }, () => "1").join(" + ")} = 3`);
    keeps(`${"9".repeat(400)} + 1 = 5`);
    keeps(`${"x = 1 + 1 = 2, ".repeat(20_000)}`);
    keeps(`${"\\text{a ".repeat(20_000)} \\frac{1 + 1 = 3`);
    keeps(`${"\\frac{1 ".repeat(20_000)} 1 + 1 = 2`);
    keeps(`${"\\boxed{".repeat(20_000)} 1 + 1 = 2`);
    drops("Checked after all that: 2 + 2 = 5.");
  });
});
