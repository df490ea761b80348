// Protects stored question diversity against a real database: the clustering task writes every
// problem's cluster and a summary the page reads, "keep one per cluster" marks the other members
// (audited), and the export's near-duplicate filter drops exactly their rows on both export paths
// (COPY and general), counted in the manifest; off by default.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "@/lib/db/boxed-home";
import { exportToFile } from "@/lib/datasets/export/export-to-file";
import { NO_FILTERS } from "@/lib/datasets/export/export-settings";
import { pool } from "@/lib/db/pool";
import { clusterMembers, keepOnePerCluster, latestClustering, runClusterTask, startClusterTask } from "@/lib/decontamination/diversity/cluster-task";
import { importFiles, tempDir, writeTemp } from "../datasets/import-helpers";
import { auditActions } from "./decontam-helpers";

const dir = tempDir("boxed-clusters-");
// Three families written the way a generator rephrases: new names and numbers, same skeleton.
const ducks = (name: string, eggs: number, price: number) =>
  `${name}'s ducks lay ${eggs} eggs per day. She eats 3 for breakfast and bakes muffins with 4. She sells the rest for $${price} each. How much does she make every day?`;
const robes = (n: number, colour: string) => `A robe takes ${n} bolts of ${colour} fiber and half that much white fiber. How many bolts in total does it take?`;
const PROBLEMS = [
  ducks("Janet", 16, 2),
  robes(2, "blue"),
  ducks("Priyanka", 21, 3),
  "A train needs to cover 300 miles at 60 miles per hour. After how many hours does it arrive, if it stops twice for 15 minutes?",
  ducks("Kwame", 30, 5),
  robes(7, "red"),
  "What is the sum of the first 100 positive odd integers?",
];
let setId = 0;
let ids: number[] = [];

beforeAll(async () => {
  const lines = PROBLEMS.flatMap((p, i) =>
    [0, 1].map((k) => JSON.stringify({ problem: p, generated_solution: `Solution ${k} of problem ${i}, long enough. \\boxed{${i}}`, expected_answer: String(i), problem_source: "augmented_gsm8k" })),
  );
  const { summary } = await importFiles([writeTemp(dir, "dups.jsonl", `${lines.join("\n")}\n`)], "cluster-synth", "synthetic");
  expect(summary.ok).toBe(true);
  const { rows } = await pool().query<{ id: number; set_id: number }>("SELECT p.id, p.set_id FROM problems p JOIN problem_sets s ON s.id = p.set_id WHERE s.name = 'cluster-synth' ORDER BY p.id");
  ids = rows.map((r) => r.id);
  setId = rows[0].set_id;
  await pool().query("UPDATE samples SET verdict = 'equal' WHERE set_id = $1", [setId]);
});

describe("stored near-duplicate clusters", () => {
  it("the task clusters the set, writes each problem's cluster and leaves the summary; a second start while running is refused", async () => {
    const { taskId } = await startClusterTask(setId, null);
    await expect(startClusterTask("cluster-synth", null)).rejects.toThrow(/already being clustered/);
    const summary = await runClusterTask(taskId);
    expect(summary).toMatchObject({ problems: 7, clusters: 4, duplicates: 3 });
    expect(summary.largest).toEqual([
      { clusterId: ids[0], size: 3 },
      { clusterId: ids[1], size: 2 },
    ]);
    const { rows } = await pool().query<{ problem_id: number; cluster_id: number; kept: boolean | null }>(
      "SELECT problem_id, cluster_id, kept FROM problem_clusters WHERE set_id = $1 ORDER BY problem_id",
      [setId],
    );
    expect(rows.map((r) => r.cluster_id)).toEqual([ids[0], ids[1], ids[0], ids[3], ids[0], ids[1], ids[6]]);
    expect(rows.every((r) => r.kept === null)).toBe(true);
    const task = await pool().query("SELECT state, done::int AS done FROM tasks WHERE id = $1", [taskId]);
    expect(task.rows[0]).toEqual({ state: "completed", done: 7 });
    const latest = await latestClustering(setId);
    expect(latest.summary?.clusters).toBe(4);
    expect(latest.runningTaskId).toBeNull();
    expect(latest.keptMarked).toBe(false);
    const members = await clusterMembers(setId, [ids[1]]);
    expect(members.map((m) => [m.problemId, m.firstLine])).toEqual([
      [ids[1], robes(2, "blue")],
      [ids[5], robes(7, "red")],
    ]);
    expect((await auditActions("decontam.cluster.")).map((a) => a.action)).toEqual(["decontam.cluster.start", "decontam.cluster.finish"]);
  });

  it("keep one per cluster marks the other members, audited; a set never clustered is refused", async () => {
    const result = await keepOnePerCluster(setId, null);
    expect(result).toEqual({ dropped: 3, kept: 4 });
    const { rows } = await pool().query<{ problem_id: number }>("SELECT problem_id FROM problem_clusters WHERE set_id = $1 AND kept = false ORDER BY problem_id", [setId]);
    expect(rows.map((r) => r.problem_id)).toEqual([ids[2], ids[4], ids[5]]);
    expect((await latestClustering(setId)).keptMarked).toBe(true);
    const audit = await auditActions("decontam.cluster.keep-one");
    expect(audit.at(-1)?.details).toEqual({ dropped: 3, kept: 4 });
    await expect(keepOnePerCluster(setId + 100_000, null)).rejects.toThrow(/has not been clustered yet/);
    // While a new clustering is queued the marks would be replaced: refused, nothing changes.
    const { taskId } = await startClusterTask(setId, null);
    await expect(keepOnePerCluster(setId, null)).rejects.toThrow(/is being clustered/);
    // The entry is written with the marks: the refused ones left none.
    expect(await auditActions("decontam.cluster.keep-one")).toHaveLength(audit.length);
    await runClusterTask(taskId);
    await keepOnePerCluster(setId, null);
  });

  it("the export's near-duplicate filter drops their rows on both paths, counted; off by default", async () => {
    const base = { sets: ["cluster-synth"], ...NO_FILTERS };
    const off = await exportToFile(base, join(dir, "off.jsonl"), { user: null, via: "cli" });
    expect(off.rows).toBe(14);
    expect(off.removed["near-duplicate"]).toBeUndefined();
    const fast = await exportToFile({ ...base, dropNearDuplicates: true }, join(dir, "fast.jsonl"), { user: null, via: "cli" });
    const general = await exportToFile({ ...base, dropNearDuplicates: true }, join(dir, "general.jsonl"), { user: null, via: "cli", path: "general" });
    expect(fast.path).toBe("copy");
    expect(general.path).toBe("stream");
    for (const m of [fast, general]) {
      expect(m.rows).toBe(8);
      expect(m.removed["near-duplicate"]?.count).toBe(6);
    }
    expect(readFileSync(join(dir, "fast.jsonl"), "utf8")).toBe(readFileSync(join(dir, "general.jsonl"), "utf8"));
    const problems = new Set(readFileSync(join(dir, "fast.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l).problem));
    expect([...problems].sort()).toEqual([PROBLEMS[0], PROBLEMS[1], PROBLEMS[3], PROBLEMS[6]].sort());
  });

  it("the CLI's --drop-near-duplicates turns the filter on and the manifest counts it", () => {
    const out = join(dir, "cli.jsonl");
    const r = spawnSync(process.execPath, [join(repoRoot, "bin", "boxed.mjs"), "export", "--set", "cluster-synth", "--no-filters", "--drop-near-duplicates", "--out", out], { encoding: "utf8", env: process.env });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out, "utf8").trim().split("\n")).toHaveLength(8);
    const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, "utf8"));
    expect(manifest.settings.dropNearDuplicates).toBe(true);
    expect(manifest.removed["near-duplicate"].count).toBe(6);
  }, 120_000);
});
