// Protects question diversity against a real database and the real CLI process: near-duplicate
// clusters of a synthetic set (renamed / re-numbered copies and verbatim copies across seeds),
// distinct problems per seed, which problem to keep per cluster, the incremental check of a new
// batch against problems already kept, and a clear refusal of a set that is not synthetic.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runBoxed } from "@/tests/support/run-boxed";
import { clusterProblemSet } from "@/lib/decontamination/diversity/cluster-set";
import { keepOnePerCluster } from "@/lib/decontamination/diversity/near-duplicates";
import { addSyntheticProblems, loadDemo } from "./decontam-helpers";

const boxed = runBoxed;

const ducks = (name: string, eggs: number, price: number) =>
  `${name}'s ducks lay ${eggs} eggs per day. She eats 3 for breakfast and bakes muffins with 4. She sells the rest for $${price} each. How much does she make every day?`;
const train = "A train travels at 60 miles per hour for 2 hours, then at 40 miles per hour for 3 hours. How far does it travel in total?";
const trainAsksTime = "A train needs to cover 300 miles. It travels at 60 miles per hour. After how many hours does it arrive, if it stops twice for 15 minutes?";
const dir = mkdtempSync(join(tmpdir(), "decontam-div-"));

beforeAll(async () => {
  await loadDemo();
  const [seedA, seedB] = await addSyntheticProblems("div-seeds", [
    { key: "div-seed/a", text: "Seed problem A about ducks and eggs." },
    { key: "div-seed/b", text: "Seed problem B about trains." },
  ]);
  await addSyntheticProblems("div-synth", [
    { key: "div/1", text: ducks("Janet", 16, 2), parentId: seedA },
    { key: "div/2", text: ducks("Priyanka", 21, 3), parentId: seedA },
    { key: "div/3", text: train, parentId: seedB },
    // A copy across seeds (the set's text hash already refuses exact copies; this one differs only
    // in its apostrophe and dollar sign spacing).
    { key: "div/4", text: ducks("Janet", 16, 2).replace("'s", "’s").replace("$2", "$ 2"), parentId: seedB },
    { key: "div/5", text: trainAsksTime, parentId: seedB },
  ]);
  await addSyntheticProblems("div-new-batch", [
    { key: "div-new/1", text: ducks("Kwame", 30, 5) },
    { key: "div-new/2", text: "A robe takes 2 bolts of blue fiber and half that much white fiber. How many bolts in total does it take?" },
  ]);
});

describe("near-duplicate clusters of a synthetic set", () => {
  it("clusters renamed / re-numbered and verbatim copies, counts distinct problems per seed, keeps the earliest", async () => {
    const { result, keys } = await clusterProblemSet("div-synth");
    expect(result.problems).toBe(5);
    expect(result.clusters).toBe(3);
    const { keep, drop } = keepOnePerCluster(result);
    const keyOf = new Map(Array.from(result.ids, (id, i) => [id, keys[i]]));
    expect(keep.map((id) => keyOf.get(id))).toEqual(["div/1", "div/3", "div/5"]);
    expect(drop.map((id) => keyOf.get(id))).toEqual(["div/2", "div/4"]);
    const perSeed = [...result.perSeed.values()].sort((a, b) => a.problems - b.problems);
    expect(perSeed).toEqual([
      { problems: 2, distinct: 1 },
      { problems: 3, distinct: 3 },
    ]);
  });

  it("the CLI prints the summary and writes one JSONL line per problem; --kept checks a new batch incrementally", async () => {
    const out = join(dir, "clusters.jsonl");
    const r = await boxed(["decontam", "clusters", "--problems", "div-synth", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/5 problems in div-synth: 3 to keep, 2 near-duplicates/);
    const lines = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.find((l) => l.problem === "div/2")).toEqual({ problem: "div/2", cluster: "div/1", size: 3, keep: false });
    expect(lines.find((l) => l.problem === "div/5")).toEqual({ problem: "div/5", cluster: "div/5", size: 1, keep: true });

    const inc = join(dir, "new.jsonl");
    const r2 = await boxed(["decontam", "clusters", "--problems", "div-new-batch", "--kept", "div-synth", "--out", inc]);
    expect(r2.code).toBe(0);
    expect(r2.stdout).toMatch(/2 problems in div-new-batch \(checked after 5 already kept\): 1 to keep, 1 near-duplicates/);
    const newLines = readFileSync(inc, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(newLines).toEqual([
      { problem: "div-new/1", cluster: "div/1", size: 4, keep: false },
      { problem: "div-new/2", cluster: "div-new/2", size: 1, keep: true },
    ]);
  }, 120_000);

  it("refuses a set that is not synthetic and a bad similarity, in one line with the fix, changing nothing", async () => {
    const r = await boxed(["decontam", "clusters", "--problems", "no-such-set"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/no-such-set.*not found/);
    const r2 = await boxed(["decontam", "clusters", "--problems", "div-synth", "--similarity", "2"]);
    expect(r2.code).not.toBe(0);
    expect(r2.stderr).toMatch(/--similarity must be a number above 0 and at most 1 \(got 2\)/);
  }, 120_000);
});
