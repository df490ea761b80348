// Demo content that `npm start` loads into an empty database, so a new user opens a studio that
// already has seed sets, a benchmark, a synthesized set with majority-vote labels, a contaminated
// paraphrase for the decontamination view, and one finished generation batch to grade and review.
//
// Everything here was written for Boxed: no problem is taken from GSM8K, MATH or any other
// dataset; they only imitate those datasets' styles. Every answer was worked out by hand and is
// checked by demo-content.test.ts (reference solutions end with their gold answer, GSM8K-style
// calculator annotations evaluate correctly, recorded samples box what they claim to box).
//
// Pure data: no I/O and no imports, so the loader (and the test) can use it anywhere.

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/** Which dataset a problem imitates; decides the reference-solution format. */
export type DemoStyle = "gsm8k" | "math";

export type DemoSetRole = "seed" | "benchmark" | "synthetic";

export type DemoFinishReason = "stop" | "length";

/**
 * What a recorded sample is in the demo to show. Not stored as such: the grader has to find it
 * out on its own, and the test uses it to prove each scenario really is what it says.
 */
export type DemoSampleScenario =
  /** One \boxed{} holding the right answer, written the way the reference writes it. */
  | "correct"
  /** Right answer in another but equivalent form (0.375 for \frac{3}{8}, \dfrac, \sqrt{20}). */
  | "equivalent-form"
  /** A plausible slip: one \boxed{} with a wrong answer. */
  | "wrong-answer"
  /** Finished normally but never boxed its answer. */
  | "no-box"
  /** Boxed two different answers (the last one is right, but the solution contradicts itself). */
  | "two-boxes"
  /** Hit the token limit before reaching an answer. */
  | "truncated";

/** A problem with a dataset answer: seed and benchmark sets. */
export interface DemoProblem {
  /** Unique across all demo content; looks like a dataset id ("demo-math/algebra/1"). */
  sourceKey: string;
  style: DemoStyle;
  problem: string;
  /** GSM8K style: a plain number, no commas. MATH style: LaTeX as MATH writes it. */
  goldAnswer: string;
  /** GSM8K style: reasoning lines ending "#### <goldAnswer>". MATH style: ends with \boxed{<goldAnswer>}. */
  referenceSolution: string;
  /** MATH style only: "Level 1" .. "Level 5". */
  level?: string;
  /** MATH style only: "Algebra", "Counting & Probability", ... */
  subject?: string;
}

export interface DemoSet {
  name: string;
  role: "seed" | "benchmark";
  /** Dataset of origin as OpenMathInstruct-2 names it (gsm8k, math), or a test-set name. */
  source: string;
  description: string;
  problems: readonly DemoProblem[];
}

/** One recorded model completion. */
export interface DemoSample {
  problemSourceKey: string;
  sampleIndex: number;
  text: string;
  finishReason: DemoFinishReason;
  /** About chars / 4; equal to the batch's maxTokens for a truncated sample. */
  completionTokens: number;
  latencyMs: number;
  scenario: DemoSampleScenario;
}

export interface DemoMajority {
  /** The winning \boxed{} answer, as the majority of samples write it. */
  answer: string;
  votes: number;
  total: number;
}

/** A synthesized problem: no dataset answer; its label comes from majority voting on `samples`. */
export interface DemoSyntheticProblem {
  sourceKey: string;
  source: "augmented_gsm8k" | "augmented_math";
  style: DemoStyle;
  /** Which problem-generation prompt produced it (OpenMathInstruct-2: "similar" for GSM8K, "inspired" for MATH). */
  generationMethod: "problem_similar" | "problem_inspired";
  /** sourceKey of the seed problem it was generated from. */
  parentSourceKey: string;
  problem: string;
  /** Set on the one problem that is a reworded copy of a benchmark problem: the decontamination demo must flag it. */
  paraphraseOfBenchmarkKey?: string;
  /** What majority voting over `samples` should produce; the loader may store it or recompute it. */
  expectedMajority: DemoMajority;
  samples: readonly DemoSample[];
}

export interface DemoSyntheticSet {
  name: string;
  role: "synthetic";
  description: string;
  /** Model that "wrote" the problems and their samples. */
  model: string;
  problems: readonly DemoSyntheticProblem[];
}

export interface DemoBatch {
  name: string;
  kind: "solutions";
  model: string;
  /** The seed sets the batch drew problems from. */
  setNames: readonly string[];
  /** The problems it generated for, in order. */
  problemSourceKeys: readonly string[];
  samplesPerProblem: number;
  temperature: number;
  topP: number;
  maxTokens: number;
  samples: readonly DemoSample[];
}

// ---------------------------------------------------------------------------------------------
// Helpers (build-time only: they shape literal text, nothing else)
// ---------------------------------------------------------------------------------------------

/**
 * Raw (backslashes kept, as String.raw) and dedented: lets LaTeX be written indented inside the
 * data without escaping. Leading/trailing blank lines are dropped; blank lines inside are kept,
 * so paragraphs are separated by "\n\n" as in OpenMath solutions.
 */
function tex(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings.raw }, ...values);
  const lines = raw.split("\n");
  while (lines.length > 0 && lines[0].trim() === "") lines.shift();
  while (lines.length > 0 && lines[lines.length - 1].trim() === "") lines.pop();
  const indents = lines.filter((line) => line.trim() !== "").map((line) => line.length - line.trimStart().length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => (line.trim() === "" ? "" : line.slice(cut).trimEnd())).join("\n");
}

/** Roughly what a Llama tokenizer gives for English with inline LaTeX. */
function estimateTokens(text: string): number {
  return Math.max(1, Math.round(text.length / 4));
}

/** Time to first token plus ~8 ms per token, with a little fixed jitter so rows don't look machine-made. */
function estimateLatencyMs(tokens: number, seed: number): number {
  return 700 + tokens * 8 + ((seed * 211) % 480);
}

type RecordedEntry = {
  scenario: DemoSampleScenario;
  text: string;
  finishReason?: DemoFinishReason;
  completionTokens?: number;
  latencyMs?: number;
};

/** Samples 0..n-1 for one problem, with token and latency estimates filled in. */
function recorded(problemSourceKey: string, entries: readonly RecordedEntry[]): DemoSample[] {
  return entries.map((entry, sampleIndex) => {
    const completionTokens = entry.completionTokens ?? estimateTokens(entry.text);
    const seed = [...problemSourceKey].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) + 7 * sampleIndex;
    return {
      problemSourceKey,
      sampleIndex,
      text: entry.text,
      finishReason: entry.finishReason ?? "stop",
      completionTokens,
      latencyMs: entry.latencyMs ?? estimateLatencyMs(completionTokens, seed),
      scenario: entry.scenario,
    };
  });
}

const ok = (text: string): RecordedEntry => ({ scenario: "correct", text });
const wrong = (text: string): RecordedEntry => ({ scenario: "wrong-answer", text });
const equivalent = (text: string): RecordedEntry => ({ scenario: "equivalent-form", text });

// ---------------------------------------------------------------------------------------------
// Seed set 1: GSM8K-style word problems
// ---------------------------------------------------------------------------------------------

const GSM8K_STYLE_SEEDS: readonly DemoProblem[] = [
  {
    sourceKey: "demo-gsm8k/0",
    style: "gsm8k",
    problem: tex`Marisol bakes 4 trays of empanadas with 18 empanadas on each tray. She sells them in boxes of 6 for $9 per box. If she sells all but 12 of the empanadas, how much money does she make?`,
    goldAnswer: "90",
    referenceSolution: tex`
      Marisol bakes 4 * 18 = <<4*18=72>>72 empanadas.
      She sells 72 - 12 = <<72-12=60>>60 empanadas.
      That fills 60 / 6 = <<60/6=10>>10 boxes.
      She makes 10 * 9 = $<<10*9=90>>90.
      #### 90
    `,
  },
  {
    sourceKey: "demo-gsm8k/1",
    style: "gsm8k",
    problem: tex`Dev walks his dog for 25 minutes every weekday. On Saturday and Sunday he walks the dog twice as long each day. How many hours does Dev spend walking his dog over 4 weeks?`,
    goldAnswer: "15",
    referenceSolution: tex`
      On weekdays Dev walks 5 * 25 = <<5*25=125>>125 minutes.
      On each weekend day he walks 25 * 2 = <<25*2=50>>50 minutes, so 50 * 2 = <<50*2=100>>100 minutes over the weekend.
      Each week he walks 125 + 100 = <<125+100=225>>225 minutes.
      Over 4 weeks he walks 225 * 4 = <<225*4=900>>900 minutes.
      That is 900 / 60 = <<900/60=15>>15 hours.
      #### 15
    `,
  },
  {
    sourceKey: "demo-gsm8k/2",
    style: "gsm8k",
    problem: tex`A bike shop has a bicycle priced at $240. During a sale, the price is reduced by 15%. Lucía also has a coupon for $12 off the sale price. How much does Lucía pay for the bicycle?`,
    goldAnswer: "192",
    referenceSolution: tex`
      The discount is 240 * 15 / 100 = $<<240*15/100=36>>36.
      The sale price is 240 - 36 = $<<240-36=204>>204.
      With the coupon Lucía pays 204 - 12 = $<<204-12=192>>192.
      #### 192
    `,
  },
  {
    sourceKey: "demo-gsm8k/3",
    style: "gsm8k",
    problem: tex`An office printer prints 20 pages per minute. Ravi needs 12 copies of a 45-page report. How many minutes will it take to print all the copies?`,
    goldAnswer: "27",
    referenceSolution: tex`
      Ravi needs 12 * 45 = <<12*45=540>>540 pages.
      At 20 pages per minute that takes 540 / 20 = <<540/20=27>>27 minutes.
      #### 27
    `,
  },
  {
    sourceKey: "demo-gsm8k/4",
    style: "gsm8k",
    problem: tex`Mei has 20 stickers. Ana has 8 fewer stickers than Mei, and Leo has 3 times as many stickers as Ana. How many stickers do the three friends have altogether?`,
    goldAnswer: "68",
    referenceSolution: tex`
      Ana has 20 - 8 = <<20-8=12>>12 stickers.
      Leo has 12 * 3 = <<12*3=36>>36 stickers.
      Together they have 20 + 12 + 36 = <<20+12+36=68>>68 stickers.
      #### 68
    `,
  },
  {
    sourceKey: "demo-gsm8k/5",
    style: "gsm8k",
    problem: tex`A climbing gym charges a one-time sign-up fee of $50 and then $28 per month. Tomás signs up and pays for his first full year of membership. How much does he pay in total?`,
    goldAnswer: "386",
    referenceSolution: tex`
      A year has 12 months, so the monthly fees come to 12 * 28 = $<<12*28=336>>336.
      With the sign-up fee he pays 336 + 50 = $<<336+50=386>>386.
      #### 386
    `,
  },
  {
    sourceKey: "demo-gsm8k/6",
    style: "gsm8k",
    problem: tex`A 600-liter water tank is 1/5 full. A hose adds 15 liters of water per minute, but a leak at the bottom lets out 3 liters per minute. How many minutes will it take to fill the tank?`,
    goldAnswer: "40",
    referenceSolution: tex`
      The tank holds 600 / 5 = <<600/5=120>>120 liters now.
      It needs 600 - 120 = <<600-120=480>>480 more liters.
      The tank gains 15 - 3 = <<15-3=12>>12 liters per minute.
      It takes 480 / 12 = <<480/12=40>>40 minutes.
      #### 40
    `,
  },
  {
    sourceKey: "demo-gsm8k/7",
    style: "gsm8k",
    problem: tex`A school band has 40 students. 30% of them play brass instruments, 1/4 of them play woodwinds, and the rest play percussion. How many more students play percussion than brass?`,
    goldAnswer: "6",
    referenceSolution: tex`
      Brass: 40 * 30 / 100 = <<40*30/100=12>>12 students.
      Woodwinds: 40 / 4 = <<40/4=10>>10 students.
      Percussion: 40 - 12 - 10 = <<40-12-10=18>>18 students.
      There are 18 - 12 = <<18-12=6>>6 more percussion players than brass players.
      #### 6
    `,
  },
  {
    sourceKey: "demo-gsm8k/8",
    style: "gsm8k",
    problem: tex`Hana earns $14 per hour. For every hour she works beyond 40 hours in a week, she is paid 1.5 times her normal rate. Last week she worked 46 hours. How much did she earn last week?`,
    goldAnswer: "686",
    referenceSolution: tex`
      Her regular pay is 40 * 14 = $<<40*14=560>>560.
      She worked 46 - 40 = <<46-40=6>>6 overtime hours.
      Her overtime rate is 14 * 1.5 = $<<14*1.5=21>>21 per hour.
      Her overtime pay is 6 * 21 = $<<6*21=126>>126.
      She earned 560 + 126 = $<<560+126=686>>686.
      #### 686
    `,
  },
  {
    sourceKey: "demo-gsm8k/9",
    style: "gsm8k",
    problem: tex`A bakery uses 3 eggs for every 2 cakes it bakes. On Monday it bakes 32 cakes, and on Tuesday it bakes half as many. Eggs come in cartons of 12. How many cartons of eggs does the bakery use on the two days?`,
    goldAnswer: "6",
    referenceSolution: tex`
      On Tuesday the bakery bakes 32 / 2 = <<32/2=16>>16 cakes.
      It bakes 32 + 16 = <<32+16=48>>48 cakes in all.
      That is 48 / 2 = <<48/2=24>>24 pairs of cakes, using 24 * 3 = <<24*3=72>>72 eggs.
      The eggs fill 72 / 12 = <<72/12=6>>6 cartons.
      #### 6
    `,
  },
  {
    sourceKey: "demo-gsm8k/10",
    style: "gsm8k",
    problem: tex`Jonah drives 150 miles to his grandmother's house at an average speed of 50 miles per hour. He drives home at 60 miles per hour. How many minutes shorter is the drive home?`,
    goldAnswer: "30",
    referenceSolution: tex`
      The drive there takes 150 / 50 = <<150/50=3>>3 hours.
      The drive home takes 150 / 60 = <<150/60=2.5>>2.5 hours.
      The drive home is 3 - 2.5 = <<3-2.5=0.5>>0.5 hours shorter.
      That is 0.5 * 60 = <<0.5*60=30>>30 minutes.
      #### 30
    `,
  },
  {
    sourceKey: "demo-gsm8k/11",
    style: "gsm8k",
    problem: tex`An orchard crew picks 96 apples. One third of them are bruised and thrown away. Of the remaining apples, 3/8 are used to bake pies, and the rest are sold in bags of 5. How many bags of apples are sold?`,
    goldAnswer: "8",
    referenceSolution: tex`
      96 / 3 = <<96/3=32>>32 apples are bruised.
      96 - 32 = <<96-32=64>>64 apples are left.
      64 * 3 / 8 = <<64*3/8=24>>24 apples go into pies.
      64 - 24 = <<64-24=40>>40 apples are sold.
      That fills 40 / 5 = <<40/5=8>>8 bags.
      #### 8
    `,
  },
  {
    sourceKey: "demo-gsm8k/12",
    style: "gsm8k",
    problem: tex`Keiko has already saved $120 toward a camera that costs $470. If she saves $35 every week from now on, how many weeks will it take her to have enough money for the camera?`,
    goldAnswer: "10",
    referenceSolution: tex`
      Keiko still needs 470 - 120 = $<<470-120=350>>350.
      At $35 per week, that takes 350 / 35 = <<350/35=10>>10 weeks.
      #### 10
    `,
  },
  {
    sourceKey: "demo-gsm8k/13",
    style: "gsm8k",
    problem: tex`Movie tickets cost $11 for adults and $7 for children, and a bucket of popcorn costs $5. A family of 2 adults and 3 children goes to the movies and buys 2 buckets of popcorn. How much does the family spend in all?`,
    goldAnswer: "53",
    referenceSolution: tex`
      The adult tickets cost 2 * 11 = $<<2*11=22>>22.
      The children's tickets cost 3 * 7 = $<<3*7=21>>21.
      The popcorn costs 2 * 5 = $<<2*5=10>>10.
      The family spends 22 + 21 + 10 = $<<22+21+10=53>>53.
      #### 53
    `,
  },
];

// ---------------------------------------------------------------------------------------------
// Seed set 2: MATH-style competition problems
// ---------------------------------------------------------------------------------------------

const MATH_STYLE_SEEDS: readonly DemoProblem[] = [
  {
    sourceKey: "demo-math/algebra/0",
    style: "math",
    level: "Level 2",
    subject: "Algebra",
    problem: tex`
      Find the ordered pair $(x, y)$ that satisfies the system
      \begin{align*}
      3x + 2y &= 16, \\
      x - y &= 2.
      \end{align*}
    `,
    goldAnswer: tex`(4, 2)`,
    referenceSolution: tex`From the second equation, $x = y + 2$. Substituting into the first equation gives $3(y + 2) + 2y = 16$, so $5y + 6 = 16$ and $y = 2$. Then $x = 2 + 2 = 4$, and the solution is $\boxed{(4, 2)}$.`,
  },
  {
    sourceKey: "demo-math/algebra/1",
    style: "math",
    level: "Level 3",
    subject: "Algebra",
    problem: tex`What is the domain of the function $f(x) = \sqrt{6 - 2x} + 1$? Express your answer in interval notation.`,
    goldAnswer: tex`(-\infty, 3]`,
    referenceSolution: tex`The square root is defined only when its argument is nonnegative, so we need $6 - 2x \ge 0$, which gives $x \le 3$. Adding $1$ places no further restriction on $x$. The domain is $\boxed{(-\infty, 3]}$.`,
  },
  {
    sourceKey: "demo-math/algebra/2",
    style: "math",
    level: "Level 2",
    subject: "Algebra",
    problem: tex`The first term of an arithmetic sequence is $7$ and the tenth term is $34$. What is the twentieth term of the sequence?`,
    goldAnswer: "64",
    referenceSolution: tex`If the common difference is $d$, then the tenth term is $7 + 9d = 34$, so $9d = 27$ and $d = 3$. The twentieth term is $7 + 19 \cdot 3 = 7 + 57 = \boxed{64}$.`,
  },
  {
    sourceKey: "demo-math/counting_and_probability/0",
    style: "math",
    level: "Level 3",
    subject: "Counting & Probability",
    problem: tex`Two fair four-sided dice, each with faces numbered $1$ through $4$, are rolled. What is the probability that the sum of the numbers rolled is at least $6$? Express your answer as a common fraction.`,
    goldAnswer: tex`\frac{3}{8}`,
    referenceSolution: tex`There are $4 \cdot 4 = 16$ equally likely outcomes. A sum of $6$ occurs as $(2,4)$, $(3,3)$, $(4,2)$; a sum of $7$ as $(3,4)$, $(4,3)$; and a sum of $8$ only as $(4,4)$. That is $3 + 2 + 1 = 6$ favorable outcomes, so the probability is $\frac{6}{16} = \boxed{\frac{3}{8}}$.`,
  },
  {
    sourceKey: "demo-math/counting_and_probability/1",
    style: "math",
    level: "Level 3",
    subject: "Counting & Probability",
    problem: tex`In how many ways can five different books be arranged in a row on a shelf if two of them, a dictionary and an atlas, may not be placed next to each other?`,
    goldAnswer: "72",
    referenceSolution: tex`Without restrictions there are $5! = 120$ arrangements. To count the arrangements in which the dictionary and the atlas are adjacent, glue them into a single block: the block and the other three books can be arranged in $4! = 24$ ways, and the two books inside the block in $2$ ways, for $48$ arrangements. The number of arrangements in which they are not adjacent is $120 - 48 = \boxed{72}$.`,
  },
  {
    sourceKey: "demo-math/geometry/0",
    style: "math",
    level: "Level 2",
    subject: "Geometry",
    problem: tex`Two circles have the same center. The larger circle has radius $4$ and the smaller circle has radius $2$. What is the area of the region inside the larger circle but outside the smaller circle? Express your answer in terms of $\pi$.`,
    goldAnswer: tex`12\pi`,
    referenceSolution: tex`The larger circle has area $\pi \cdot 4^2 = 16\pi$ and the smaller circle has area $\pi \cdot 2^2 = 4\pi$. The region between them has area $16\pi - 4\pi = \boxed{12\pi}$.`,
  },
  {
    sourceKey: "demo-math/geometry/1",
    style: "math",
    level: "Level 2",
    subject: "Geometry",
    problem: tex`Square $ABCD$ has side length $4$. Point $M$ is the midpoint of side $\overline{CD}$. What is the length of segment $\overline{AM}$? Express your answer in simplest radical form.`,
    goldAnswer: tex`2\sqrt{5}`,
    referenceSolution: tex`Triangle $ADM$ has a right angle at $D$, with $AD = 4$ and $DM = \frac{1}{2} \cdot 4 = 2$. By the Pythagorean Theorem, $AM = \sqrt{4^2 + 2^2} = \sqrt{20} = \boxed{2\sqrt{5}}$.`,
  },
  {
    sourceKey: "demo-math/number_theory/0",
    style: "math",
    level: "Level 3",
    subject: "Number Theory",
    problem: tex`What is the remainder when $7^{2026}$ is divided by $5$?`,
    goldAnswer: "4",
    referenceSolution: tex`Since $7 \equiv 2 \pmod{5}$, we need the remainder of $2^{2026}$. The powers of $2$ modulo $5$ are $2, 4, 3, 1$, repeating every $4$ terms. Since $2026 = 4 \cdot 506 + 2$, we have $2^{2026} \equiv 2^2 = 4 \pmod{5}$. The remainder is $\boxed{4}$.`,
  },
  {
    sourceKey: "demo-math/number_theory/1",
    style: "math",
    level: "Level 4",
    subject: "Number Theory",
    problem: tex`Find all positive integers $n$ for which $\frac{3n + 12}{n + 2}$ is an integer. Enter all the solutions, separated by commas.`,
    goldAnswer: "1, 4",
    referenceSolution: tex`Write $3n + 12 = 3(n + 2) + 6$, so $\frac{3n + 12}{n + 2} = 3 + \frac{6}{n + 2}$. This is an integer exactly when $n + 2$ divides $6$. Since $n$ is a positive integer, $n + 2 \ge 3$, so $n + 2$ is $3$ or $6$, giving $n = 1$ or $n = 4$. The solutions are $\boxed{1, 4}$.`,
  },
  {
    sourceKey: "demo-math/precalculus/0",
    style: "math",
    level: "Level 2",
    subject: "Precalculus",
    problem: tex`Convert the point $(\sqrt{3}, 1)$ in rectangular coordinates to polar coordinates. Enter your answer in the form $(r, \theta),$ where $r > 0$ and $0 \le \theta < 2 \pi.$`,
    goldAnswer: tex`\left( 2, \frac{\pi}{6} \right)`,
    referenceSolution: tex`We have $r = \sqrt{(\sqrt{3})^2 + 1^2} = \sqrt{4} = 2$. The point lies in the first quadrant with $\tan \theta = \frac{1}{\sqrt{3}}$, so $\theta = \frac{\pi}{6}$. Hence the polar coordinates are $\boxed{\left( 2, \frac{\pi}{6} \right)}$.`,
  },
  {
    sourceKey: "demo-math/precalculus/1",
    style: "math",
    level: "Level 1",
    subject: "Precalculus",
    problem: tex`Compute $\begin{pmatrix} 2 & -1 \\ 3 & 4 \end{pmatrix} \begin{pmatrix} 5 \\ -2 \end{pmatrix}$.`,
    goldAnswer: tex`\begin{pmatrix} 12 \\ 7 \end{pmatrix}`,
    referenceSolution: tex`We have $\begin{pmatrix} 2 & -1 \\ 3 & 4 \end{pmatrix} \begin{pmatrix} 5 \\ -2 \end{pmatrix} = \begin{pmatrix} (2)(5) + (-1)(-2) \\ (3)(5) + (4)(-2) \end{pmatrix} = \boxed{\begin{pmatrix} 12 \\ 7 \end{pmatrix}}$.`,
  },
  {
    sourceKey: "demo-math/intermediate_algebra/0",
    style: "math",
    level: "Level 3",
    subject: "Intermediate Algebra",
    problem: tex`Let $r$ and $s$ be the roots of $x^2 - 6x + 4 = 0$. Compute $r^3 + s^3$.`,
    goldAnswer: "144",
    referenceSolution: tex`By Vieta's formulas, $r + s = 6$ and $rs = 4$. Then $r^3 + s^3 = (r + s)^3 - 3rs(r + s) = 216 - 3 \cdot 4 \cdot 6 = 216 - 72 = \boxed{144}$.`,
  },
  {
    sourceKey: "demo-math/intermediate_algebra/1",
    style: "math",
    level: "Level 5",
    subject: "Intermediate Algebra",
    problem: tex`Compute $$\sum_{n=1}^{\infty} \frac{1}{(n+1)(n+3)}.$$`,
    goldAnswer: tex`\frac{5}{12}`,
    referenceSolution: tex`
      By partial fractions,
      $$\frac{1}{(n+1)(n+3)} = \frac{1}{2} \left( \frac{1}{n+1} - \frac{1}{n+3} \right).$$
      The sum telescopes:
      \begin{align*}
      \sum_{n=1}^{\infty} \frac{1}{(n+1)(n+3)} &= \frac{1}{2} \left[ \left( \frac{1}{2} - \frac{1}{4} \right) + \left( \frac{1}{3} - \frac{1}{5} \right) + \left( \frac{1}{4} - \frac{1}{6} \right) + \dotsb \right] \\
      &= \frac{1}{2} \left( \frac{1}{2} + \frac{1}{3} \right) = \frac{1}{2} \cdot \frac{5}{6} = \boxed{\frac{5}{12}}.
      \end{align*}
    `,
  },
  {
    sourceKey: "demo-math/prealgebra/0",
    style: "math",
    level: "Level 2",
    subject: "Prealgebra",
    problem: tex`What is the least common multiple of $18$, $24$, and $30$?`,
    goldAnswer: "360",
    referenceSolution: tex`We factor: $18 = 2 \cdot 3^2$, $24 = 2^3 \cdot 3$, and $30 = 2 \cdot 3 \cdot 5$. The least common multiple takes the highest power of each prime: $2^3 \cdot 3^2 \cdot 5 = 8 \cdot 9 \cdot 5 = \boxed{360}$.`,
  },
];

export const DEMO_SEED_SETS: readonly DemoSet[] = [
  {
    name: "demo-gsm8k-style",
    role: "seed",
    source: "gsm8k",
    description: "Demo: 14 grade-school word problems written for Boxed in the GSM8K style (reference solutions end with #### answer).",
    problems: GSM8K_STYLE_SEEDS,
  },
  {
    name: "demo-math-style",
    role: "seed",
    source: "math",
    description: "Demo: 14 competition problems written for Boxed in the MATH style, Levels 1-5 across seven subjects.",
    problems: MATH_STYLE_SEEDS,
  },
];

// ---------------------------------------------------------------------------------------------
// Benchmark: a small test set the decontamination demo checks synthesized problems against
// ---------------------------------------------------------------------------------------------

const BENCHMARK_PROBLEMS: readonly DemoProblem[] = [
  {
    sourceKey: "demo-test/gsm8k/0",
    style: "gsm8k",
    problem: tex`A school orders 8 boxes of markers with 24 markers in each box. The art teacher keeps 1/4 of the markers and shares the rest equally among 6 classrooms. How many markers does each classroom get?`,
    goldAnswer: "24",
    referenceSolution: tex`
      There are 8 * 24 = <<8*24=192>>192 markers.
      The art teacher keeps 192 / 4 = <<192/4=48>>48 markers.
      That leaves 192 - 48 = <<192-48=144>>144 markers.
      Each classroom gets 144 / 6 = <<144/6=24>>24 markers.
      #### 24
    `,
  },
  {
    sourceKey: "demo-test/gsm8k/1",
    style: "gsm8k",
    problem: tex`Oliver runs 3 miles every weekday and 5 miles on Saturday. He rests on Sunday. How many miles does Oliver run in 6 weeks?`,
    goldAnswer: "120",
    referenceSolution: tex`
      On weekdays Oliver runs 3 * 5 = <<3*5=15>>15 miles.
      Each week he runs 15 + 5 = <<15+5=20>>20 miles.
      In 6 weeks he runs 20 * 6 = <<20*6=120>>120 miles.
      #### 120
    `,
  },
  {
    sourceKey: "demo-test/gsm8k/2",
    style: "gsm8k",
    problem: tex`A café sells sandwiches for $8 each and drinks for $3 each. On Friday it sold 45 sandwiches and 60 drinks, and its costs for the day were $210. How much profit did the café make on Friday?`,
    goldAnswer: "330",
    referenceSolution: tex`
      The sandwiches brought in 45 * 8 = $<<45*8=360>>360.
      The drinks brought in 60 * 3 = $<<60*3=180>>180.
      Total sales were 360 + 180 = $<<360+180=540>>540.
      The profit was 540 - 210 = $<<540-210=330>>330.
      #### 330
    `,
  },
  {
    sourceKey: "demo-test/math/algebra/0",
    style: "math",
    level: "Level 2",
    subject: "Algebra",
    problem: tex`What is the sum of all real numbers $x$ that satisfy $|2x - 5| = 9$?`,
    goldAnswer: "5",
    referenceSolution: tex`Either $2x - 5 = 9$, which gives $x = 7$, or $2x - 5 = -9$, which gives $x = -2$. The sum of the solutions is $7 + (-2) = \boxed{5}$.`,
  },
  {
    sourceKey: "demo-test/math/number_theory/0",
    style: "math",
    level: "Level 2",
    subject: "Number Theory",
    problem: tex`What is the greatest common divisor of $252$ and $198$?`,
    goldAnswer: "18",
    referenceSolution: tex`We factor: $252 = 2^2 \cdot 3^2 \cdot 7$ and $198 = 2 \cdot 3^2 \cdot 11$. The common prime factors are $2^1$ and $3^2$, so the greatest common divisor is $2 \cdot 9 = \boxed{18}$.`,
  },
  {
    sourceKey: "demo-test/math/geometry/0",
    style: "math",
    level: "Level 3",
    subject: "Geometry",
    problem: tex`A triangle has side lengths $5$, $12$, and $13$. What is the radius of the circle that passes through all three of its vertices? Express your answer as a common fraction.`,
    goldAnswer: tex`\frac{13}{2}`,
    referenceSolution: tex`Since $5^2 + 12^2 = 25 + 144 = 169 = 13^2$, the triangle is a right triangle with hypotenuse $13$. The hypotenuse of a right triangle is a diameter of its circumscribed circle, so the radius is $\boxed{\frac{13}{2}}$.`,
  },
];

export const DEMO_BENCHMARK_SETS: readonly DemoSet[] = [
  {
    name: "demo-benchmark",
    role: "benchmark",
    source: "demo-test",
    description: "Demo: a 6-problem test set (3 GSM8K-style, 3 MATH-style) that synthesized problems are decontaminated against.",
    problems: BENCHMARK_PROBLEMS,
  },
];

// ---------------------------------------------------------------------------------------------
// Synthetic set: new problems with majority-vote labels (one of them a benchmark paraphrase)
// ---------------------------------------------------------------------------------------------

export const DEMO_MODEL = "demo-llama-3.1-405b (recorded)";

const SYNTHETIC_PROBLEMS: readonly DemoSyntheticProblem[] = [
  {
    sourceKey: "demo-synthetic/0",
    source: "augmented_gsm8k",
    style: "gsm8k",
    generationMethod: "problem_similar",
    parentSourceKey: "demo-gsm8k/0",
    problem: tex`Dario bakes 5 trays of cookies with 16 cookies on each tray. He keeps 16 cookies for his family and packs the rest into bags of 8, which he sells for $6 per bag. How much money does Dario make?`,
    expectedMajority: { answer: "48", votes: 6, total: 7 },
    samples: recorded("demo-synthetic/0", [
      ok(tex`
        Dario bakes $5 \cdot 16 = 80$ cookies. After keeping 16 for his family, he has $80 - 16 = 64$ cookies to sell.

        That makes $64 / 8 = 8$ bags, which earn $8 \cdot 6 = 48$ dollars.

        So Dario makes $\boxed{48}$ dollars.
      `),
      ok(tex`
        The total number of cookies is $5 \times 16 = 80$, and he sells $80 - 16 = 64$ of them.

        In bags of 8 that is $64 \div 8 = 8$ bags, for $8 \times 6 = 48$ dollars.

        Dario makes $\boxed{48}$ dollars.
      `),
      wrong(tex`
        Dario has $5 \cdot 16 = 80$ cookies, which fill $80 / 8 = 10$ bags.

        Selling them at 6 dollars per bag gives $10 \cdot 6 = 60$ dollars.

        Thus, Dario makes $\boxed{60}$ dollars.
      `),
      ok(tex`
        Five trays hold $5 \cdot 16 = 80$ cookies. Removing the 16 for his family leaves 64, which is 8 bags of 8.

        At 6 dollars a bag, Dario earns $8 \cdot 6 = 48$ dollars. The answer is $\boxed{48}$.
      `),
      ok(tex`
        The 16 cookies Dario keeps are exactly $16 / 8 = 2$ bags' worth. He baked $5 \cdot 16 = 80$ cookies, or $80 / 8 = 10$ bags, so he sells $10 - 2 = 8$ bags.

        He makes $8 \cdot 6 = 48$ dollars, so the answer is $\boxed{48}$.
      `),
      ok(tex`
        Let's find the number of cookies Dario sells:
        \[ 5 \cdot 16 - 16 = 64 \]
        Dividing them into bags of 8 gives $64 / 8 = 8$ bags, and each bag sells for 6 dollars.

        Thus Dario makes $8 \cdot 6 = \boxed{48}$ dollars.
      `),
      ok(tex`
        Each tray has 16 cookies, so the cookies kept for the family are one full tray. That leaves $5 - 1 = 4$ trays, or $4 \cdot 16 = 64$ cookies, to sell.

        That is $64 / 8 = 8$ bags at 6 dollars each, so Dario makes $\boxed{48}$ dollars.
      `),
    ]),
  },
  {
    // A reworded copy of demo-test/gsm8k/1 (same numbers, another runner): what the
    // decontamination demo must catch, although the generator was only asked for a new problem.
    sourceKey: "demo-synthetic/1",
    source: "augmented_gsm8k",
    style: "gsm8k",
    generationMethod: "problem_similar",
    parentSourceKey: "demo-gsm8k/1",
    paraphraseOfBenchmarkKey: "demo-test/gsm8k/1",
    problem: tex`Maya jogs 3 miles on each weekday and 5 miles every Saturday, and she never jogs on Sundays. How many miles does Maya jog over a period of 6 weeks?`,
    expectedMajority: { answer: "120", votes: 5, total: 6 },
    samples: recorded("demo-synthetic/1", [
      ok(tex`
        On weekdays Maya jogs $5 \cdot 3 = 15$ miles. Adding Saturday's 5 miles, she jogs $15 + 5 = 20$ miles per week.

        Over 6 weeks she jogs $6 \cdot 20 = 120$ miles, so the answer is $\boxed{120}$.
      `),
      ok(tex`
        Each week has 5 weekdays, so Maya jogs $3 \times 5 = 15$ miles from Monday to Friday. With 5 more miles on Saturday and none on Sunday, that is 20 miles a week.

        In 6 weeks she jogs $20 \times 6 = 120$ miles. Thus, Maya jogs $\boxed{120}$ miles.
      `),
      wrong(tex`
        Maya jogs 3 miles on 6 days of the week, which is $6 \cdot 3 = 18$ miles, plus 5 miles on Saturday, for $18 + 5 = 23$ miles per week.

        Over 6 weeks that is $6 \cdot 23 = 138$ miles, so Maya jogs $\boxed{138}$ miles.
      `),
      ok(tex`
        Over 6 weeks, the weekday miles add up to
        \[ 6 \cdot 5 \cdot 3 = 90 \]
        and the Saturday miles to $6 \cdot 5 = 30$.

        In total Maya jogs $90 + 30 = \boxed{120}$ miles.
      `),
      ok(tex`
        In one week Maya jogs $3 + 3 + 3 + 3 + 3 + 5 = 20$ miles.

        In 6 weeks she jogs $20 \cdot 6 = 120$ miles. The answer is $\boxed{120}$.
      `),
      ok(tex`
        Maya jogs on 6 days each week: 5 weekdays at 3 miles and Saturday at 5 miles, for $15 + 5 = 20$ miles.

        After 6 weeks she has jogged $6 \cdot 20 = 120$ miles, so the answer is $\boxed{120}$.
      `),
    ]),
  },
  {
    sourceKey: "demo-synthetic/2",
    source: "augmented_gsm8k",
    style: "gsm8k",
    generationMethod: "problem_similar",
    parentSourceKey: "demo-gsm8k/8",
    problem: tex`Inés earns $18 per hour at the library. For every hour she works beyond 40 hours in a week, she is paid 1.5 times her usual rate. How much does she earn in a week in which she works 45 hours?`,
    expectedMajority: { answer: "855", votes: 7, total: 8 },
    samples: recorded("demo-synthetic/2", [
      ok(tex`
        Her regular pay is $40 \cdot 18 = 720$ dollars. Her overtime rate is $1.5 \cdot 18 = 27$ dollars per hour, and she works $45 - 40 = 5$ overtime hours, which pay $5 \cdot 27 = 135$ dollars.

        In total she earns $720 + 135 = 855$ dollars, so the answer is $\boxed{855}$.
      `),
      ok(tex`
        Inés works $45 - 40 = 5$ hours of overtime at $18 \times 1.5 = 27$ dollars per hour, earning $5 \times 27 = 135$ dollars. Her first 40 hours earn $40 \times 18 = 720$ dollars.

        Thus, Inés earns $720 + 135 = \boxed{855}$ dollars.
      `),
      wrong(tex`
        Inés works 45 hours at 18 dollars per hour, so she earns
        \[ 45 \cdot 18 = 810 \]
        dollars. Inés earns $\boxed{810}$ dollars.
      `),
      ok(tex`
        At her normal rate, 45 hours would pay $45 \cdot 18 = 810$ dollars. Each of the 5 overtime hours earns an extra half of her rate, which adds $5 \cdot 9 = 45$ dollars.

        So she earns $810 + 45 = \boxed{855}$ dollars.
      `),
      ok(tex`
        The overtime rate is $18 + 9 = 27$ dollars per hour, so her pay is
        \[ 40 \cdot 18 + 5 \cdot 27 = 720 + 135 = 855 \]
        The answer is $\boxed{855}$.
      `),
      ok(tex`
        Let's split her week into regular and overtime hours. The 40 regular hours pay $40 \cdot 18 = 720$ dollars, and the 5 overtime hours pay $27$ dollars each, or $135$ dollars.

        Altogether Inés earns $720 + 135 = \boxed{855}$ dollars.
      `),
      ok(tex`
        Her weekly pay is
        \[ 18 \cdot 40 + 18 \cdot 1.5 \cdot 5 = 720 + 135 = 855 \]
        Inés earns $\boxed{855}$ dollars.
      `),
      ok(tex`
        For 40 hours Inés makes $40 \times 18 = 720$ dollars. Each extra hour pays $1.5 \times 18 = 27$ dollars, and she works 5 extra hours, so she makes another $135$ dollars.

        Her total for the week is $\boxed{855}$ dollars.
      `),
    ]),
  },
  {
    // The low-agreement example: 4 of 7 samples agree, the rest add two overlapping events.
    sourceKey: "demo-synthetic/3",
    source: "augmented_math",
    style: "math",
    generationMethod: "problem_inspired",
    parentSourceKey: "demo-math/counting_and_probability/0",
    problem: tex`Two fair six-sided dice are rolled. What is the probability that the product of the two numbers rolled is a multiple of $3$? Express your answer as a common fraction.`,
    expectedMajority: { answer: String.raw`\frac{5}{9}`, votes: 4, total: 7 },
    samples: recorded("demo-synthetic/3", [
      ok(tex`
        The product is not a multiple of $3$ exactly when neither die shows a $3$ or a $6$. Each die avoids $3$ and $6$ with probability $\frac{4}{6} = \frac{2}{3}$, so
        \[ P(\text{not a multiple of } 3) = \left( \frac{2}{3} \right)^2 = \frac{4}{9} \]
        Therefore the probability that the product is a multiple of $3$ is
        \[ 1 - \frac{4}{9} = \frac{5}{9} \]
        The answer is $\boxed{\frac{5}{9}}$.
      `),
      wrong(tex`
        The product is a multiple of $3$ when at least one die shows a multiple of $3$. The first die shows $3$ or $6$ with probability $\frac{2}{6} = \frac{1}{3}$, and the same holds for the second die. Adding these,
        \[ \frac{1}{3} + \frac{1}{3} = \frac{2}{3} \]
        So the probability is $\boxed{\frac{2}{3}}$.
      `),
      ok(tex`
        There are $36$ outcomes. The first die is $3$ or $6$ in $2 \cdot 6 = 12$ outcomes and the second die is $3$ or $6$ in another $12$, but $2 \cdot 2 = 4$ outcomes are counted twice. So there are
        \[ 12 + 12 - 4 = 20 \]
        favorable outcomes, and the probability is $\frac{20}{36} = \boxed{\frac{5}{9}}$.
      `),
      wrong(tex`
        Out of $36$ outcomes, the first die shows a $3$ or a $6$ in $12$ of them and the second die does in $12$ of them. That gives
        \[ 12 + 12 = 24 \]
        favorable outcomes, so the probability is $\frac{24}{36} = \boxed{\frac{2}{3}}$.
      `),
      ok(tex`
        Count the pairs whose product is not divisible by $3$: both dice must come from $\{1, 2, 4, 5\}$, giving $4 \cdot 4 = 16$ pairs. The remaining $36 - 16 = 20$ pairs have a product divisible by $3$, so the probability is
        \[ \frac{20}{36} = \frac{5}{9} \]
        The answer is $\boxed{\frac{5}{9}}$.
      `),
      wrong(tex`
        A product is divisible by $3$ when one of its factors is. Each die shows a multiple of $3$ on $2$ of its $6$ faces, so the chance for each die is $\frac{1}{3}$. With two dice the chance doubles:
        \[ 2 \cdot \frac{1}{3} = \frac{2}{3} \]
        The probability is $\boxed{\frac{2}{3}}$.
      `),
      ok(tex`
        Let $A$ be the event that the first die shows $3$ or $6$, and $B$ the same event for the second die. These are independent, so
        \[ P(A \cup B) = P(A) + P(B) - P(A)P(B) = \frac{1}{3} + \frac{1}{3} - \frac{1}{9} = \frac{5}{9} \]
        So the probability is $\boxed{\frac{5}{9}}$.
      `),
    ]),
  },
  {
    sourceKey: "demo-synthetic/4",
    source: "augmented_math",
    style: "math",
    generationMethod: "problem_inspired",
    parentSourceKey: "demo-math/intermediate_algebra/0",
    problem: tex`Let $p$ and $q$ be the roots of $x^2 - 5x + 3 = 0$. Compute $p^3 + q^3$.`,
    expectedMajority: { answer: "80", votes: 5, total: 6 },
    samples: recorded("demo-synthetic/4", [
      ok(tex`
        By Vieta's formulas, $p + q = 5$ and $pq = 3$. Then
        \[ p^3 + q^3 = (p + q)^3 - 3pq(p + q) = 125 - 45 = 80 \]
        The answer is $\boxed{80}$.
      `),
      ok(tex`
        We have $p + q = 5$ and $pq = 3$, so $p^2 + q^2 = 25 - 6 = 19$. Hence
        \[ p^3 + q^3 = (p + q)(p^2 - pq + q^2) = 5(19 - 3) = 80 \]
        So $p^3 + q^3 = \boxed{80}$.
      `),
      wrong(tex`
        From Vieta's formulas, $p + q = 5$ and $pq = 3$, so $p^2 + q^2 = (p + q)^2 - 2pq = 19$. Then
        \[ p^3 + q^3 = (p + q)(p^2 + pq + q^2) = 5(19 + 3) = 110 \]
        The answer is $\boxed{110}$.
      `),
      ok(tex`
        Since $p^2 = 5p - 3$, we get $p^3 = 5p^2 - 3p = 5(5p - 3) - 3p = 22p - 15$, and likewise $q^3 = 22q - 15$. Adding,
        \[ p^3 + q^3 = 22(p + q) - 30 = 110 - 30 = 80 \]
        The answer is $\boxed{80}$.
      `),
      ok(tex`
        Using $p + q = 5$ and $pq = 3$,
        \[ p^3 + q^3 = 5^3 - 3 \cdot 3 \cdot 5 = 125 - 45 = 80 \]
        Thus $p^3 + q^3 = \boxed{80}$.
      `),
      ok(tex`
        The roots are $\frac{5 \pm \sqrt{13}}{2}$, but rather than cubing them directly we use $p + q = 5$ and $pq = 3$:
        \[ p^3 + q^3 = (p + q)\left( (p + q)^2 - 3pq \right) = 5(25 - 9) = 80 \]
        The answer is $\boxed{80}$.
      `),
    ]),
  },
  {
    sourceKey: "demo-synthetic/5",
    source: "augmented_math",
    style: "math",
    generationMethod: "problem_inspired",
    parentSourceKey: "demo-math/algebra/1",
    problem: tex`What is the domain of the function $g(x) = \frac{1}{\sqrt{10 - 2x}}$? Express your answer in interval notation.`,
    expectedMajority: { answer: String.raw`(-\infty, 5)`, votes: 5, total: 6 },
    samples: recorded("demo-synthetic/5", [
      ok(tex`
        The expression under the square root must be positive, because the root also sits in the denominator:
        \[ 10 - 2x > 0 \Rightarrow x < 5 \]
        The domain is $\boxed{(-\infty, 5)}$.
      `),
      wrong(tex`
        The square root requires $10 - 2x \ge 0$, so
        \[ x \le 5 \]
        The domain of $g$ is $\boxed{(-\infty, 5]}$.
      `),
      ok(tex`
        We need $\sqrt{10 - 2x}$ to be defined and nonzero, so $10 - 2x > 0$. Solving,
        \[ 2x < 10 \Rightarrow x < 5 \]
        Therefore the domain is $\boxed{(-\infty, 5)}$.
      `),
      ok(tex`
        At $x = 5$ the denominator is $\sqrt{0} = 0$, so $x = 5$ is excluded, and for $x > 5$ the radicand is negative. For every $x < 5$ the function is defined.

        The domain is $\boxed{(-\infty, 5)}$.
      `),
      ok(tex`
        The function is defined when $10 - 2x > 0$, that is, when
        \[ x < 5 \]
        In interval notation the domain is $\boxed{(-\infty, 5)}$.
      `),
      ok(tex`
        Requiring a positive radicand gives $10 - 2x > 0$, so $-2x > -10$ and $x < 5$.

        Thus the domain is $\boxed{(-\infty, 5)}$.
      `),
    ]),
  },
];

export const DEMO_SYNTHETIC_SET: DemoSyntheticSet = {
  name: "demo-synthetic",
  role: "synthetic",
  description: "Demo: 6 synthesized problems labelled by majority vote over recorded samples; one is a benchmark paraphrase.",
  model: DEMO_MODEL,
  problems: SYNTHETIC_PROBLEMS,
};

// ---------------------------------------------------------------------------------------------
// A finished solution-generation batch over 8 seed problems, 4 samples each
// ---------------------------------------------------------------------------------------------

const DEMO_BATCH_MAX_TOKENS = 1024;

/**
 * A runaway completion: the model tabulates the tank minute by minute and hits the token limit
 * (at minute 30 or so) long before it would reach 600 liters. Built, not typed, but fixed.
 */
function runawayTankSolution(): string {
  const paragraphs = [
    String.raw`The tank holds 600 liters and is $\frac{1}{5}$ full, so it starts with $600 \cdot \frac{1}{5} = 120$ liters.`,
    "Each minute the hose adds 15 liters and the leak removes 3 liters. Let's follow the amount of water minute by minute until the tank is full.",
  ];
  let water = 120;
  for (let minute = 1; minute <= 40; minute++) {
    const next = water + 15 - 3;
    paragraphs.push(
      `After minute ${minute}, the tank holds $${water} + 15 - 3 = ${next}$ liters, which is still less than 600 liters, so the tank is not full yet and we continue.`,
    );
    water = next;
  }
  // ~4 characters per token: cut where a 1024-token completion would end, mid-sentence.
  return paragraphs.join("\n\n").slice(0, DEMO_BATCH_MAX_TOKENS * 4 - 7);
}

const BATCH_SAMPLES: readonly DemoSample[] = [
  // ---- demo-gsm8k/0 (empanadas, 90): one arithmetic slip -------------------------------------
  ...recorded("demo-gsm8k/0", [
    ok(tex`
      Marisol bakes $4 \cdot 18 = 72$ empanadas. She sells all but 12 of them, so she sells $72 - 12 = 60$ empanadas.

      A box holds 6 empanadas, so she fills $60 / 6 = 10$ boxes. At 9 dollars per box she makes
      \[ 10 \cdot 9 = 90 \]
      So Marisol makes $\boxed{90}$ dollars.
    `),
    ok(tex`
      Four trays of 18 empanadas is $4 \cdot 18 = 72$ empanadas, and keeping 12 unsold leaves $72 - 12 = 60$ to sell.

      These fit in $60 / 6 = 10$ boxes, and each box sells for 9 dollars. Thus, she makes $10 \cdot 9 = 90$ dollars.

      Marisol makes $\boxed{90}$ dollars.
    `),
    wrong(tex`
      Marisol has $4 \cdot 18 = 72$ empanadas in total. She does not sell 12 of them, so she sells $72 - 12 = 60$ empanadas.

      Each box holds 6 empanadas, so she sells $60 / 6 = 12$ boxes. Each box costs 9 dollars, so she makes
      \[ 12 \cdot 9 = 108 \]
      Thus Marisol makes $\boxed{108}$ dollars.
    `),
    ok(tex`
      The number of empanadas Marisol bakes is $4 \times 18 = 72$. Subtracting the 12 she does not sell gives $72 - 12 = 60$ empanadas sold.

      Packed 6 to a box, that is $60 \div 6 = 10$ boxes, and each box earns her 9 dollars:
      \[ 10 \times 9 = 90 \]
      Marisol makes $\boxed{90}$ dollars.
    `),
  ]),

  // ---- demo-gsm8k/2 (bicycle, 192): one never boxes its answer, one slips on 15% ------------
  ...recorded("demo-gsm8k/2", [
    ok(tex`
      The sale takes 15% off the 240-dollar price, which is
      \[ 240 \cdot \frac{15}{100} = 36 \]
      dollars. So the sale price is $240 - 36 = 204$ dollars.

      The coupon takes another 12 dollars off, so Lucía pays $204 - 12 = 192$ dollars.

      Lucía pays $\boxed{192}$ dollars.
    `),
    {
      scenario: "no-box",
      text: tex`
        A 15% discount on 240 dollars is $0.15 \cdot 240 = 36$ dollars, so after the discount the bicycle costs $240 - 36 = 204$ dollars.

        Using the 12-dollar coupon on the sale price, the final price is
        \[ 204 - 12 = 192 \]
        So Lucía pays 192 dollars for the bicycle.
      `,
    },
    ok(tex`
      Reducing the price by 15% means Lucía pays 85% of it: $0.85 \cdot 240 = 204$ dollars.

      Then the coupon lowers this by 12 dollars:
      \[ 204 - 12 = 192 \]
      Thus, Lucía pays $\boxed{192}$ dollars.
    `),
    wrong(tex`
      10% of 240 dollars is 24 dollars and 5% is 12 dollars, so the 15% discount is $24 + 12 = 38$ dollars.

      The sale price is $240 - 38 = 202$ dollars, and after the 12-dollar coupon Lucía pays
      \[ 202 - 12 = 190 \]
      Lucía pays $\boxed{190}$ dollars.
    `),
  ]),

  // ---- demo-gsm8k/6 (tank, 40): one runs out of tokens ---------------------------------------
  ...recorded("demo-gsm8k/6", [
    ok(tex`
      The tank starts $\frac{1}{5}$ full, so it holds $600 / 5 = 120$ liters and needs $600 - 120 = 480$ more liters.

      Each minute the hose adds 15 liters and the leak removes 3, so the tank gains $15 - 3 = 12$ liters per minute. Filling 480 liters takes
      \[ 480 / 12 = 40 \]
      minutes. It takes $\boxed{40}$ minutes to fill the tank.
    `),
    {
      scenario: "truncated",
      text: runawayTankSolution(),
      finishReason: "length",
      completionTokens: DEMO_BATCH_MAX_TOKENS,
      latencyMs: 8874,
    },
    ok(tex`
      First find how much water is already in the tank: $\frac{1}{5} \cdot 600 = 120$ liters, so the remaining space is $600 - 120 = 480$ liters.

      The net filling rate is $15 - 3 = 12$ liters per minute, so the time needed is
      \[ \frac{480}{12} = 40 \]
      The tank will be full in $\boxed{40}$ minutes.
    `),
    ok(tex`
      The tank fills at 15 liters in minus 3 liters out, which is 12 liters per minute. It already holds one fifth of 600 liters, which is 120 liters, so 480 liters are missing.

      At 12 liters per minute, this takes $480 / 12 = 40$ minutes. Thus, the tank is full after $\boxed{40}$ minutes.
    `),
  ]),

  // ---- demo-gsm8k/8 (overtime, 686): one slip, one that boxes twice --------------------------
  ...recorded("demo-gsm8k/8", [
    ok(tex`
      For the first 40 hours Hana earns $40 \cdot 14 = 560$ dollars. She worked $46 - 40 = 6$ hours of overtime at $1.5 \cdot 14 = 21$ dollars per hour, which pays $6 \cdot 21 = 126$ dollars.

      In total she earned
      \[ 560 + 126 = 686 \]
      Hana earned $\boxed{686}$ dollars last week.
    `),
    wrong(tex`
      Her regular pay is $40 \cdot 14 = 560$ dollars. She worked $46 - 40 = 6$ overtime hours at $14 \cdot 1.5 = 21$ dollars per hour, so her overtime pay is $6 \cdot 21 = 116$ dollars.

      Her total pay is
      \[ 560 + 116 = 676 \]
      So Hana earned $\boxed{676}$ dollars.
    `),
    {
      scenario: "two-boxes",
      text: tex`
        If all 46 hours were paid at the normal rate, Hana would earn $46 \cdot 14 = 644$ dollars, so the answer would be $\boxed{644}$.

        But the 6 hours beyond 40 are paid at 1.5 times the rate, so each of them earns an extra $0.5 \cdot 14 = 7$ dollars. The extra pay is $6 \cdot 7 = 42$ dollars, so she earned
        \[ 644 + 42 = 686 \]
        Hana earned $\boxed{686}$ dollars.
      `,
    },
    ok(tex`
      Hana's overtime rate is $14 \times 1.5 = 21$ dollars per hour. She worked 40 regular hours and $46 - 40 = 6$ overtime hours, so her pay is
      \[ 40 \times 14 + 6 \times 21 = 560 + 126 = 686 \]
      Hana earned $\boxed{686}$ dollars last week.
    `),
  ]),

  // ---- demo-math/algebra/1 (domain, (-\infty, 3]): one uses a strict inequality ------------
  ...recorded("demo-math/algebra/1", [
    ok(tex`
      The square root is only defined for nonnegative arguments, so we need
      \[ 6 - 2x \ge 0 \Rightarrow 2x \le 6 \Rightarrow x \le 3 \]
      Adding $1$ does not restrict the domain any further, so the domain of $f$ is $\boxed{(-\infty, 3]}$.
    `),
    ok(tex`
      For $f(x)$ to be defined, the expression under the square root must be nonnegative:
      \[ 6 - 2x \ge 0 \]
      Solving for $x$ gives $-2x \ge -6$, so $x \le 3$.

      The domain is all $x \le 3$, which in interval notation is $\boxed{(-\infty, 3]}$.
    `),
    wrong(tex`
      We need the radicand to be positive:
      \[ 6 - 2x > 0 \Rightarrow x < 3 \]
      Therefore the domain of $f$ is $\boxed{(-\infty, 3)}$.
    `),
    ok(tex`
      The only restriction comes from the square root, which requires $6 - 2x \ge 0$. Dividing
      \[ 6 \ge 2x \]
      by $2$ gives $x \le 3$, and there is no lower bound on $x$.

      So the domain is $\boxed{(-\infty, 3]}$.
    `),
  ]),

  // ---- demo-math/counting_and_probability/0 (dice, \frac{3}{8}): equivalent forms ----------
  ...recorded("demo-math/counting_and_probability/0", [
    ok(tex`
      Each die has 4 faces, so there are $4 \cdot 4 = 16$ equally likely outcomes. The outcomes with a sum of at least $6$ are
      \[ (2,4), (3,3), (4,2), (3,4), (4,3), (4,4) \]
      That is $6$ outcomes, so the probability is $\frac{6}{16} = \frac{3}{8}$.

      The answer is $\boxed{\frac{3}{8}}$.
    `),
    equivalent(tex`
      There are $16$ outcomes in total. The sums $6$, $7$, and $8$ occur in $3$, $2$, and $1$ ways respectively, giving $6$ favorable outcomes. Thus the probability is
      \[ \frac{6}{16} = 0.375 \]
      So the probability is $\boxed{0.375}$.
    `),
    equivalent(tex`
      It is easier to count the complement. A sum of at most $5$ happens for
      \[ (1,1), (1,2), (2,1), (1,3), (2,2), (3,1), (1,4), (2,3), (3,2), (4,1) \]
      which is $10$ of the $16$ outcomes. The probability of a sum of at least $6$ is therefore
      \[ 1 - \frac{10}{16} = \frac{6}{16} = \dfrac{3}{8} \]
      The answer is $\boxed{\dfrac{3}{8}}$.
    `),
    wrong(tex`
      There are $16$ possible outcomes. The pairs with a sum of at least $6$ are
      \[ (2,4), (4,2), (3,4), (4,3), (4,4) \]
      so there are $5$ favorable outcomes and the probability is $\boxed{\frac{5}{16}}$.
    `),
  ]),

  // ---- demo-math/geometry/1 (AM, 2\sqrt{5}): unsimplified radical, simplification slip -----
  ...recorded("demo-math/geometry/1", [
    ok(tex`
      Place the square with $A = (0, 0)$, $B = (4, 0)$, $C = (4, 4)$, and $D = (0, 4)$. The midpoint of $\overline{CD}$ is $M = (2, 4)$, so
      \[ AM = \sqrt{(2 - 0)^2 + (4 - 0)^2} = \sqrt{4 + 16} = \sqrt{20} = 2\sqrt{5} \]
      The length of $\overline{AM}$ is $\boxed{2\sqrt{5}}$.
    `),
    equivalent(tex`
      Triangle $ADM$ has a right angle at $D$, with $AD = 4$ and $DM = \frac{1}{2} \cdot 4 = 2$. By the Pythagorean theorem,
      \[ AM^2 = AD^2 + DM^2 = 16 + 4 = 20 \]
      So $AM = \boxed{\sqrt{20}}$.
    `),
    wrong(tex`
      Since $M$ is the midpoint of $\overline{CD}$, we have $DM = 2$, and triangle $ADM$ is right-angled at $D$. Then
      \[ AM = \sqrt{AD^2 + DM^2} = \sqrt{4^2 + 2^2} = \sqrt{20} = 4\sqrt{5} \]
      The length of $\overline{AM}$ is $\boxed{4\sqrt{5}}$.
    `),
    ok(tex`
      Since $M$ is the midpoint of $\overline{CD}$, $DM = 2$ and $\angle ADM = 90^\circ$. Hence
      \[ AM = \sqrt{AD^2 + DM^2} = \sqrt{4^2 + 2^2} = \sqrt{20} \]
      Simplifying, $\sqrt{20} = \sqrt{4 \cdot 5} = 2\sqrt{5}$, so $AM = \boxed{2\sqrt{5}}$.
    `),
  ]),

  // ---- demo-math/intermediate_algebra/0 (r^3 + s^3, 144): one sign slip ---------------------
  ...recorded("demo-math/intermediate_algebra/0", [
    ok(tex`
      By Vieta's formulas, $r + s = 6$ and $rs = 4$. Using the identity
      \[ r^3 + s^3 = (r + s)^3 - 3rs(r + s) \]
      we get $r^3 + s^3 = 6^3 - 3 \cdot 4 \cdot 6 = 216 - 72 = 144$.

      The answer is $\boxed{144}$.
    `),
    ok(tex`
      From Vieta's formulas, $r + s = 6$ and $rs = 4$. First,
      \[ r^2 + s^2 = (r + s)^2 - 2rs = 36 - 8 = 28 \]
      Then
      \[ r^3 + s^3 = (r + s)(r^2 - rs + s^2) = 6(28 - 4) = 6 \cdot 24 = 144 \]
      So $r^3 + s^3 = \boxed{144}$.
    `),
    wrong(tex`
      We have $r + s = 6$ and $rs = 4$. Since
      \[ (r + s)^3 = r^3 + s^3 + 3rs(r + s) \]
      we find
      \[ r^3 + s^3 = 216 + 3 \cdot 4 \cdot 6 = 216 + 72 = 288 \]
      Therefore $r^3 + s^3 = \boxed{288}$.
    `),
    ok(tex`
      Each root satisfies $x^2 = 6x - 4$, so multiplying by $x$ gives
      \[ x^3 = 6x^2 - 4x = 6(6x - 4) - 4x = 32x - 24 \]
      Therefore $r^3 + s^3 = 32(r + s) - 48 = 32 \cdot 6 - 48 = 192 - 48 = 144$.

      The answer is $\boxed{144}$.
    `),
  ]),
];

export const DEMO_BATCH: DemoBatch = {
  name: "demo: solutions for seed problems",
  kind: "solutions",
  model: DEMO_MODEL,
  setNames: ["demo-gsm8k-style", "demo-math-style"],
  problemSourceKeys: [
    "demo-gsm8k/0",
    "demo-gsm8k/2",
    "demo-gsm8k/6",
    "demo-gsm8k/8",
    "demo-math/algebra/1",
    "demo-math/counting_and_probability/0",
    "demo-math/geometry/1",
    "demo-math/intermediate_algebra/0",
  ],
  samplesPerProblem: 4,
  temperature: 0.7,
  topP: 0.95,
  maxTokens: DEMO_BATCH_MAX_TOKENS,
  samples: BATCH_SAMPLES,
};
