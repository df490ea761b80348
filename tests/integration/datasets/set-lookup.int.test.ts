// Protects: the one lookup of a problem set by name or id (batches, decontamination, imports,
// target sets) and the one list of sets the pickers offer. A name and an id find the same set;
// a reference that names nothing is refused with the reference and a hint; a transaction sees the
// set it just created; the pickers' orders and the archived filter hold.
import { beforeAll, describe, expect, it } from "vitest";
import { findProblemSets, requireProblemSet } from "@/lib/datasets/sets/find-problem-sets";
import { listSetChoices } from "@/lib/datasets/sets/list-set-choices";
import { pool } from "@/lib/db/pool";

const ids: Record<string, number> = {};

beforeAll(async () => {
  const sets: [string, string, number, boolean][] = [
    ["zeta-seed", "seed", 12, false],
    ["alpha-seed", "seed", 30, false],
    ["gsm-test", "benchmark", 7, false],
    ["beta-synthetic", "synthetic", 900, false],
    ["old-synthetic", "synthetic", 5, true],
    // A name that reads like an id: only a string reference finds it by name.
    ["1", "seed", 1, false],
  ];
  for (const [name, role, problems, archived] of sets) {
    const { rows } = await pool().query<{ id: number }>(
      `INSERT INTO problem_sets (name, role, problem_count, archived_at) VALUES ($1, $2::"SetRole", $3, CASE WHEN $4 THEN now() END) RETURNING id`,
      [name, role, problems, archived],
    );
    ids[name] = rows[0]?.id as number;
  }
});

describe("findProblemSets / requireProblemSet", () => {
  it("finds a set by name and by id, keyed by the reference as given", async () => {
    const found = await findProblemSets(["gsm-test", ids["beta-synthetic"] as number, "nowhere"]);
    expect(found.get("gsm-test")).toEqual({ id: ids["gsm-test"], name: "gsm-test", role: "benchmark", problemCount: 7, archived: false });
    expect(found.get(String(ids["beta-synthetic"]))).toMatchObject({ name: "beta-synthetic", role: "synthetic", problemCount: 900 });
    expect(found.has("nowhere")).toBe(false);
    expect((await requireProblemSet("old-synthetic")).archived).toBe(true);
  });

  it("reads a numeric-looking name as a name and a number as an id", async () => {
    expect((await requireProblemSet("1")).id).toBe(ids["1"]);
    const byId = await findProblemSets([ids["zeta-seed"] as number]);
    expect(byId.get(String(ids["zeta-seed"]))?.name).toBe("zeta-seed");
    expect(byId.has("zeta-seed")).toBe(false);
  });

  it("refuses a reference that names no set, naming the reference and where to look", async () => {
    await expect(requireProblemSet("no-such-set")).rejects.toThrow('Problem set "no-such-set" was not found.');
    await expect(requireProblemSet(987654)).rejects.toMatchObject({ message: 'Problem set "987654" was not found.', hint: "see `npx boxed sets` for the names" });
    await expect(requireProblemSet("x", { what: "Benchmark set", hint: "import one" })).rejects.toMatchObject({ message: 'Benchmark set "x" was not found.', hint: "import one" });
  });

  it("sees, inside a transaction, the set that transaction created", async () => {
    const client = await pool().connect();
    try {
      await client.query("BEGIN");
      await client.query(`INSERT INTO problem_sets (name, role) VALUES ('in-flight', 'synthetic')`);
      expect((await requireProblemSet("in-flight", { db: client })).role).toBe("synthetic");
      expect((await findProblemSets(["in-flight"])).has("in-flight")).toBe(false);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });
});

describe("listSetChoices", () => {
  const names = (sets: { name: string }[]) => sets.map((s) => s.name);

  it("orders by role (seed, benchmark, synthetic), then name, archived sets included by default", async () => {
    expect(names(await listSetChoices())).toEqual(["1", "alpha-seed", "zeta-seed", "gsm-test", "beta-synthetic", "old-synthetic"]);
  });

  it("leaves archived sets out when asked", async () => {
    const active = await listSetChoices({ includeArchived: false });
    expect(names(active)).not.toContain("old-synthetic");
    expect(active.every((s) => !s.archived)).toBe(true);
  });

  it("puts the sets one checks first (synthetic, seed) and benchmarks last, by name within a role", async () => {
    expect(names(await listSetChoices({ order: "checked-first" }))).toEqual(["beta-synthetic", "old-synthetic", "1", "alpha-seed", "zeta-seed", "gsm-test"]);
  });

  it("orders by name alone, with the problem counts", async () => {
    const sets = await listSetChoices({ order: "name" });
    expect(names(sets)).toEqual(["1", "alpha-seed", "beta-synthetic", "gsm-test", "old-synthetic", "zeta-seed"]);
    expect(sets.find((s) => s.name === "beta-synthetic")?.problemCount).toBe(900);
  });
});
