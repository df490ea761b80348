// `npm run bench -- grading [--rounds=N] [--peer-sample=N]`: checkAnswer on
//   (a) all 5,000 MATH test problems: gold vs the reference solution and vs a perturbed answer,
//   (b) the differential corpus (tests/fixtures/grading/differential-corpus.jsonl),
// next to two baselines measured in the same run: a plain extract-and-compare-strings check, and
// Math-Verify (python3 ../shared/tools/math-verify/verify.py's own check(), timed per line in one
// Python process) on a deterministic sample of the same pairs, which Boxed also runs. The ratio
// Boxed / Math-Verify checks/s is reported on that identical sample. Single-threaded.
import { spawnSync } from "node:child_process";
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

// Times Math-Verify's check() per line, after its imports, in one process: the fairest figure
// for the peer (no process start-up per line, no JSON overhead in the timing).
const PEER_TIMER = `
import json, os, sys, time
sys.path.insert(0, sys.argv[1])
import verify
out = []
for line in sys.stdin:
    if not line.strip():
        continue
    r = json.loads(line)
    t = time.perf_counter()
    try:
        _, _, eq = verify.check(r["gold"], r["pred"], None)
    except Exception:
        eq = False
    out.append({"equal": bool(eq), "ms": (time.perf_counter() - t) * 1000})
print(json.dumps(out))
`;
import { readSetting } from "@/lib/settings/read-settings";

export async function main(args: string[]): Promise<void> {
  const sharedDir = readSetting("BOXED_SHARED_DIR") ?? join(process.cwd(), "..", "shared");
  const rows = readFileSync(join(sharedDir, "data", "math", "test.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { solution: string; boxed_answer: string });
  const rounds = Number(args.find((a) => a.startsWith("--rounds="))?.slice(9) ?? 3);
  const peerSample = Number(args.find((a) => a.startsWith("--peer-sample="))?.slice(14) ?? 600);
  const mathPairs: Pair[] = rows.flatMap((r) => [
    { gold: r.boxed_answer, pred: r.solution, expectEqual: true },
    { gold: r.boxed_answer, pred: perturb(r.boxed_answer), expectEqual: false },
  ]);
  const corpus: Pair[] = readFileSync(join(process.cwd(), "tests", "fixtures", "grading", "differential-corpus.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { gold: string; pred: string; expected: boolean })
    .map((l) => ({ gold: l.gold, pred: l.pred, expectEqual: l.expected }));

  // Warm-up: JIT, the LaTeX parser's dictionary, decimal.js constants, the parser thread.
  for (const p of [...mathPairs.slice(0, 300), ...corpus.slice(0, 300)]) checkAnswer(p.gold, p.pred);

  const sections: string[] = [];
  for (const [name, pairs] of [
    ["MATH test: gold vs reference solution and vs a perturbed answer", mathPairs],
    ["differential corpus (rewrite rules with known verdicts)", corpus],
  ] as const) {
    const engine = measure(pairs, rounds, (p) => checkAnswer(p.gold, p.pred).outcome === "equal");
    const baseline = measure(pairs, rounds, (p) => stringBaseline(p));
    const summary = summarize(pairs);
    sections.push(`### ${name}: ${pairs.length.toLocaleString("en-US")} pairs, ${rounds} rounds

| method | checks/s (median of rounds) | p50 ms | p99 ms | max ms | verdicts as expected |
|---|---|---|---|---|---|
| checkAnswer | ${fmt(engine.medianRate)} | ${ms(engine.p50)} | ${ms(engine.p99)} | ${ms(engine.max)} | ${summary.right}/${pairs.length} |
| baseline: extract + string === | ${fmt(baseline.medianRate)} | ${ms(baseline.p50)} | ${ms(baseline.p99)} | ${ms(baseline.max)} | ${pairs.filter((p) => stringBaseline(p) === p.expectEqual).length}/${pairs.length} |

Outcomes: ${summary.equal} equal, ${summary.notEqual} not equal, ${summary.undecided} undecided. Deciding rules: ${summary.rules}.`);
  }

  // The peer, on a deterministic sample of both sets: every k-th pair.
  const all = [...mathPairs, ...corpus];
  const step = Math.max(1, Math.floor(all.length / peerSample));
  const sample = all.filter((_, i) => i % step === 0).slice(0, peerSample);
  const boxedOnSample = measure(sample, rounds, (p) => checkAnswer(p.gold, p.pred).outcome === "equal");
  const peer = runPeer(sharedDir, sample);
  if (peer) {
    const peerRate = sample.length / (peer.totalMs / 1000);
    const boxedRight = sample.filter((p) => (checkAnswer(p.gold, p.pred).outcome === "equal") === p.expectEqual).length;
    const peerRight = sample.filter((p, i) => peer.equal[i] === p.expectEqual).length;
    const ratio = boxedOnSample.medianRate / peerRate;
    sections.push(`### Boxed vs Math-Verify on the same ${sample.length} pairs (one in ${step} of the two sets above)

| engine | checks/s | p50 ms | p99 ms | max ms | verdicts as expected |
|---|---|---|---|---|---|
| Boxed checkAnswer (median of ${rounds} rounds) | ${fmt(boxedOnSample.medianRate)} | ${ms(boxedOnSample.p50)} | ${ms(boxedOnSample.p99)} | ${ms(boxedOnSample.max)} | ${boxedRight}/${sample.length} |
| Math-Verify parse + verify (one round) | ${fmt(peerRate)} | ${ms(peer.p50)} | ${ms(peer.p99)} | ${ms(peer.max)} | ${peerRight}/${sample.length} |

**Boxed checks ${ratio.toFixed(1)}x as many pairs per second as Math-Verify** (target >= 10x; p99 target < 50 ms).`);
  } else {
    sections.push("### Boxed vs Math-Verify\n\nMath-Verify could not be run here (python3 with sympy and antlr4 is needed); no ratio.");
  }
  const markdown = `${sections.join("\n\n")}

Targets: Boxed >= 10x Math-Verify's checks/s on the same pairs, p99 < 50 ms, every check bounded by its time budget (250 ms by default; past it the verdict is "undecided"). The string baseline shows the cost of the engine, not its value: on the corpus it is wrong wherever an answer is written differently.`;
  console.log(markdown);
  writeBenchmarkSection("grading", markdown);
}

function runPeer(sharedDir: string, sample: Pair[]): { equal: boolean[]; totalMs: number; p50: number; p99: number; max: number } | null {
  const input = sample.map((p) => JSON.stringify({ gold: p.gold, pred: p.pred })).join("\n");
  const result = spawnSync("python3", ["-c", PEER_TIMER, join(sharedDir, "tools", "math-verify")], { input, maxBuffer: 1 << 26, encoding: "utf8" });
  if (result.status !== 0) {
    console.error(result.stderr.slice(0, 500));
    return null;
  }
  const lines = JSON.parse(result.stdout) as { equal: boolean; ms: number }[];
  const latencies = lines.map((l) => l.ms).sort((a, b) => a - b);
  return {
    equal: lines.map((l) => l.equal),
    totalMs: latencies.reduce((s, x) => s + x, 0),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
  };
}

function stringBaseline(p: Pair): boolean {
  const e = extractAnswer(p.pred);
  return (e.ok ? e.answer : p.pred).trim() === p.gold.trim();
}

function summarize(pairs: Pair[]) {
  const outcomes = { equal: 0, notEqual: 0, undecided: 0 };
  const byRule = new Map<string, number>();
  let right = 0;
  for (const p of pairs) {
    const v = checkAnswer(p.gold, p.pred);
    outcomes[v.outcome === "equal" ? "equal" : v.outcome === "not-equal" ? "notEqual" : "undecided"]++;
    byRule.set(v.rule, (byRule.get(v.rule) ?? 0) + 1);
    if ((v.outcome === "equal") === p.expectEqual) right++;
  }
  const rules = [...byRule.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([r, n]) => `${r} ${n}`)
    .join(", ");
  return { ...outcomes, right, rules };
}

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });
const ms = (n: number) => n.toFixed(3);

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
