// `npm run bench -- grading`: checkAnswer over all 5,000 MATH test problems, each gold
// `boxed_answer` against (a) the reference solution (extraction + check, should be equal) and
// (b) a perturbed wrong answer (should not be equal), next to a plain string-comparison baseline
// on the same pairs in the same run. Single-threaded, so checks/s is per core.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { percentile, writeBenchmarkSection } from "@/bench/report";
import { checkAnswer } from "@/lib/grading/check";
import { extractAnswer } from "@/lib/grading/extract";

interface Pair {
  gold: string;
  pred: string;
  expectEqual: boolean;
}

export async function main(args: string[]): Promise<void> {
  const sharedDir = process.env.BOXED_SHARED_DIR ?? join(process.cwd(), "..", "shared");
  const file = join(sharedDir, "data", "math", "test.jsonl");
  const rows = readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { solution: string; boxed_answer: string });
  const rounds = Number(args.find((a) => a.startsWith("--rounds="))?.slice(9) ?? 3);
  const pairs: Pair[] = rows.flatMap((r) => [
    { gold: r.boxed_answer, pred: r.solution, expectEqual: true },
    { gold: r.boxed_answer, pred: perturb(r.boxed_answer), expectEqual: false },
  ]);

  // Warm-up: JIT and the LaTeX parser's dictionary, which is built on first use.
  for (const p of pairs.slice(0, 400)) checkAnswer(p.gold, p.pred);

  const engine = measure(pairs, rounds, (p) => checkAnswer(p.gold, p.pred).outcome === "equal");
  const baseline = measure(pairs, rounds, (p) => {
    const e = extractAnswer(p.pred);
    return (e.ok ? e.answer : p.pred).trim() === p.gold.trim();
  });

  const outcomes = { equal: 0, notEqual: 0, undecided: 0 };
  const byRule = new Map<string, number>();
  let right = 0;
  let baselineRight = 0;
  for (const p of pairs) {
    const v = checkAnswer(p.gold, p.pred);
    outcomes[v.outcome === "equal" ? "equal" : v.outcome === "not-equal" ? "notEqual" : "undecided"]++;
    byRule.set(v.rule, (byRule.get(v.rule) ?? 0) + 1);
    if ((v.outcome === "equal") === p.expectEqual) right++;
    const e = extractAnswer(p.pred);
    if (((e.ok ? e.answer : p.pred).trim() === p.gold.trim()) === p.expectEqual) baselineRight++;
  }

  const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });
  const ms = (n: number) => n.toFixed(3);
  const table = [
    "| method | checks/s (median of rounds) | p50 ms | p99 ms | max ms | verdicts as expected |",
    "|---|---|---|---|---|---|",
    `| checkAnswer | ${fmt(engine.medianRate)} | ${ms(engine.p50)} | ${ms(engine.p99)} | ${ms(engine.max)} | ${right}/${pairs.length} |`,
    `| baseline: extract + string === | ${fmt(baseline.medianRate)} | ${ms(baseline.p50)} | ${ms(baseline.p99)} | ${ms(baseline.max)} | ${baselineRight}/${pairs.length} |`,
  ].join("\n");
  const rules = [...byRule.entries()].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(", ");
  const markdown = `${pairs.length.toLocaleString("en-US")} pairs (5,000 MATH test problems: gold vs the reference solution, and gold vs a perturbed wrong answer), ${rounds} rounds, one thread.

${table}

checkAnswer is ${(baseline.medianRate / engine.medianRate).toFixed(1)}x slower than the string baseline. Outcomes: ${outcomes.equal} equal, ${outcomes.notEqual} not equal, ${outcomes.undecided} undecided. Deciding rules: ${rules}.

The string baseline is right on every pair here by construction (the gold is the solution's own box, and the perturbation changes the string); it shows the cost of the engine, not its value, which lies in answers formatted differently (see the conformance cases).

Targets: >= 2,000 checks/s per core, p99 < 50 ms.`;
  console.log(markdown);
  writeBenchmarkSection("grading", markdown);
}

function measure(pairs: Pair[], rounds: number, run: (p: Pair) => boolean) {
  const latencies: number[] = [];
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (const p of pairs) {
      const t = performance.now();
      run(p);
      latencies.push(performance.now() - t);
    }
    rates.push(pairs.length / ((performance.now() - start) / 1000));
  }
  latencies.sort((a, b) => a - b);
  rates.sort((a, b) => a - b);
  return { medianRate: rates[Math.floor(rates.length / 2)], p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1] };
}

/** A deterministic wrong answer: bump the last digit, or append "+1" when there is none. */
function perturb(answer: string): string {
  const m = /\d(?!.*\d)/s.exec(answer);
  if (!m) return `${answer}+1`;
  const digit = (Number(m[0]) + 1) % 10;
  return answer.slice(0, m.index) + String(digit === 0 && m[0] === "9" ? "10" : digit) + answer.slice(m.index + 1);
}
