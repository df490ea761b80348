import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { countApproxTokens } from "@/lib/grading/filters/count-tokens";
import { dropExactDuplicates } from "@/lib/grading/filters/drop-duplicates";
import { incorrectArithmeticReason } from "@/lib/grading/filters/drop-incorrect-arithmetic";
import { dropMultiBoxed, multiBoxedReason } from "@/lib/grading/filters/drop-multi-boxed";
import { fairDownsample } from "@/lib/grading/filters/fair-downsample";
import { lengthBoundsReason } from "@/lib/grading/filters/length-bounds";
import { splitArithmetic } from "@/lib/grading/filters/split-arithmetic";
import { trimAfterBoxed } from "@/lib/grading/filters/trim-after-boxed";
import { hasSharedData, sharedGraderPath } from "@/tests/support/shared-data";

// The filters of NeMo-Skills' math SFT config that filter_cases.jsonl covers and that concern
// chain-of-thought math SFT; the code-execution and reasoning-trace filters are out of scope
// (docs/grading.md says why).
const IMPLEMENTED: Record<string, (solution: string) => string | null> = {
  DropMultiBoxed: (s) => (multiBoxedReason({ problem: "", solution: s }) ? null : s),
  TrimSolutions: (s) => trimAfterBoxed(s),
  DropIncorrectArithmetic: (s) => (incorrectArithmeticReason({ problem: "", solution: s }) ? null : s),
  SplitArithmetic: (s) => splitArithmetic(s),
};

describe.skipIf(!hasSharedData)("filters: shared/grader/filter_cases.jsonl", () => {
  const cases = readFileSync(sharedGraderPath("filter_cases.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { filter: string; input: { generation: string }; output: { generation: string } | null });
  const ours = cases.filter((c) => c.filter in IMPLEMENTED);

  it("covers every case of the math-SFT filters", () => {
    expect(ours.length).toBe(12);
  });

  it.each(ours.map((c, i) => [i, c.filter, c] as const))("case %i (%s)", (_i, filter, c) => {
    expect(IMPLEMENTED[filter](c.input.generation)).toBe(c.output === null ? null : c.output.generation);
  });
});

describe("filters", () => {
  it("drop-multi-boxed keeps single-box rows", () => {
    const rows = [{ problem: "p", solution: "\\boxed{1}" }, { problem: "p", solution: "\\boxed{1} \\boxed{2}" }];
    expect(dropMultiBoxed(rows)).toEqual([rows[0]]);
  });

  it("length bounds count characters and approximate tokens", () => {
    const short = { problem: "p", solution: "too short \\boxed{1}" };
    expect(lengthBoundsReason(short)).toMatch(/under 200/);
    const long = { problem: "p", solution: "word ".repeat(2_000) };
    expect(lengthBoundsReason(long)).toMatch(/more than 1024 tokens \(approximate/);
    const ok = { problem: "What is 1+1?", solution: `${"We add the numbers. ".repeat(12)}\\boxed{2}` };
    expect(lengthBoundsReason(ok)).toBeNull();
    expect(countApproxTokens("<|endoftext|> is text here")).toBeGreaterThan(3);
  });

  it("arithmetic check accepts rounded results and rejects wrong ones", () => {
    const row = (solution: string) => ({ problem: "p", solution });
    expect(incorrectArithmeticReason(row("So 10 / 3 = 3.33 dollars."))).toBeNull();
    expect(incorrectArithmeticReason(row("We get 12 * 12 = 144 and 144 - 4 = 140."))).toBeNull();
    expect(incorrectArithmeticReason(row("We get 12 * 12 = 154."))).toMatch(/wrong/);
  });

  it("exact dedup keeps the first of identical (problem, solution) pairs", () => {
    const rows = [
      { problem: "a", solution: "x", id: 1 },
      { problem: "a", solution: "x", id: 2 },
      { problem: "a", solution: "y", id: 3 },
      { problem: "b", solution: "x", id: 4 },
    ];
    expect(dropExactDuplicates(rows).map((r) => r.id)).toEqual([1, 3, 4]);
  });

  it("fair downsampling takes the k-th solution of every problem before any (k+1)-th", () => {
    const rows = ["a1", "a2", "a3", "b1", "c1", "c2"].map((id) => ({ problem: id[0], solution: id }));
    expect(fairDownsample(rows, 4).map((r) => r.solution)).toEqual(["a1", "b1", "c1", "a2"]);
    expect(fairDownsample(rows, 100).map((r) => r.solution)).toEqual(["a1", "b1", "c1", "a2", "c2", "a3"]);
  });
});
