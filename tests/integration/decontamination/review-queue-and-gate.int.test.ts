// Protects issue #19's decontamination review points on a real database: clearing an exact or
// near-exact copy is refused until confirmed (and changes nothing when refused); "n of N" comes
// from bounded counts that agree with walking the queue; any set can be checked (a seed set
// against the benchmark), never a set against itself.
import { beforeAll, describe, expect, it } from "vitest";
import { decideProblemAction } from "@/app/(studio)/decontamination/review/actions";
import { withSessionClaim } from "@/lib/auth/current-user";
import { pool } from "@/lib/db/pool";
import { runRetrievalHere } from "@/lib/decontamination/pipeline/retrieval-task";
import { countQueue, describeQueueCount } from "@/lib/decontamination/review/count-queue";
import { findQueueNeighbour } from "@/lib/decontamination/review/find-review-problem";
import { parseReviewFilter } from "@/lib/decontamination/review/review-filter";
import type { ContaminationName } from "@/lib/solutions/solution-view";
import { addSyntheticProblems, loadDemo, statusOf, userWithRole } from "./decontam-helpers";

const thresholds = { threshold: 0.4, embeddingThreshold: 0.9 };
let ids: { copy: number; renamed: number; other: number };

beforeAll(async () => {
  await loadDemo();
  const [copy, renamed, other] = await addSyntheticProblems("gate-set", [
    { key: "g/copy", text: "What is the greatest common divisor of $252$ and $198$?" },
    { key: "g/renamed", text: "A bakery sells sandwiches for $8 each and drinks for $3 each. On Friday it sold 45 sandwiches and 60 drinks, and its costs for the day were $210. How much profit did the bakery make on Friday?" },
    { key: "g/other", text: "Quilting circles exchange embroidered handkerchiefs; each knitter prefers lavender thread over crimson yarn." },
  ]);
  ids = { copy, renamed, other };
  await runRetrievalHere({ problemSet: "gate-set", against: ["demo-benchmark"] }, null);
});

describe("clearing a copy of a benchmark problem", () => {
  it("is refused without a confirmation, naming the pair and changing nothing; confirmed, it clears", async () => {
    expect(await statusOf(ids.copy)).toBe("flagged");
    const reviewer = await userWithRole("reviewer");
    const decisionsBefore = (await pool().query(`SELECT count(*)::int AS n FROM contamination_decisions WHERE problem_id = $1`, [ids.copy])).rows[0].n;
    const refused = await withSessionClaim(reviewer.claim, () => decideProblemAction({ problemId: ids.copy, decision: "clean" }));
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/has an exact match with demo-benchmark\/.+ \(score 1\.00\): clearing it needs a confirmation/) });
    expect(await statusOf(ids.copy)).toBe("flagged");
    expect((await pool().query(`SELECT count(*)::int AS n FROM contamination_decisions WHERE problem_id = $1`, [ids.copy])).rows[0].n).toBe(decisionsBefore);

    // Contaminated and unsure need no confirmation, nor does clearing a weaker pair.
    const confirmed = await withSessionClaim(reviewer.claim, () => decideProblemAction({ problemId: ids.copy, decision: "clean", confirmedNearCopy: true }));
    expect(confirmed).toMatchObject({ ok: true, data: { status: "cleared", statusBefore: "flagged" } });
    expect(await statusOf(ids.renamed)).toBe("candidate");
    // A weaker pair (below the confirmation score, whatever the scoring model makes of this text).
    await pool().query(`UPDATE contamination_candidates SET score = LEAST(score, 0.7) WHERE problem_id = $1`, [ids.renamed]);
    expect(await withSessionClaim(reviewer.claim, () => decideProblemAction({ problemId: ids.renamed, decision: "clean" }))).toMatchObject({ ok: true });
  });
});

describe("n of N", () => {
  it("agrees with walking the queue, for the first, a middle and the last problem", async () => {
    const filter = parseReviewFilter({ status: "all", pair: "any" });
    const walk: { status: ContaminationName; id: number }[] = [];
    for (let at = await findQueueNeighbour(filter, null, "next", thresholds); at; at = await findQueueNeighbour(filter, at, "next", thresholds)) walk.push(at);
    expect(walk.length).toBeGreaterThan(3);
    for (const index of [0, Math.floor(walk.length / 2), walk.length - 1]) {
      const count = await countQueue(filter, walk[index], thresholds);
      expect(count).toEqual({ position: index + 1, total: walk.length, more: false });
      expect(describeQueueCount(count)).toBe(`${index + 1} of ${walk.length}`);
    }
    expect(describeQueueCount(await countQueue(filter, null, thresholds))).toBe(`not in this queue (${walk.length} in it)`);
    expect(describeQueueCount({ position: 12, total: 10_000, more: true })).toBe("12 of 10,000+");
  });
});

describe("which sets can be checked", () => {
  it("checks a seed set against the benchmark, and refuses a set against itself", async () => {
    const { summary } = await runRetrievalHere({ problemSet: "demo-gsm8k-style", against: ["demo-benchmark"] }, null);
    expect(summary).toBeTruthy();
    const { rows } = await pool().query<{ n: number }>(
      `SELECT count(DISTINCT c.problem_id)::int AS n FROM contamination_candidates c JOIN problems p ON p.id = c.problem_id JOIN problem_sets s ON s.id = p.set_id WHERE s.name = 'demo-gsm8k-style'`,
    );
    expect(rows[0].n).toBeGreaterThan(0);
    await expect(runRetrievalHere({ problemSet: "demo-benchmark", against: ["demo-benchmark"] }, null)).rejects.toThrow(/cannot be checked against itself/);
  });
});
