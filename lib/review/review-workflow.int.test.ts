// Protects: stratified queues draw the asked size reproducibly; two reviewers never hold the same
// item (SKIP LOCKED claims, locks that expire); decisions and undo keep the sample status and the
// queue progress right; the grader-error estimate matches a hand computation.
import { beforeAll, describe, expect, it } from "vitest";
import { createQueue } from "@/app/(studio)/review/actions";
import { withSessionClaim } from "@/lib/auth/current-user";
import { pool } from "@/lib/db/pool";
import { annotateSample } from "@/lib/review/annotate-sample";
import { claimReviewItems } from "@/lib/review/claim-review-items";
import { estimateVerdictErrors } from "@/lib/review/estimate-verdict-errors";
import { fillReviewQueue } from "@/lib/review/fill-review-queue";
import { findReviewerProgress, findReviewQueues } from "@/lib/review/find-review-queues";
import { undoAnnotation } from "@/lib/review/undo-annotation";
import { type SeededWorld, seedReviewWorld } from "@/tests/support/seed-review-data";

let world: SeededWorld;
const as = <T>(userId: number, fn: () => Promise<T>) => withSessionClaim({ userId, sessionVersion: 1 }, fn);

beforeAll(async () => {
  world = await seedReviewWorld();
});

async function drawQueue(spec: { name: string; size: number; strata: ("set" | "source" | "batch" | "verdict")[]; allocation: "equal" | "proportional"; filterQuery: string; seed?: number }) {
  const created = await as(world.users.curator, () => createQueue(spec));
  if (!created.ok) throw new Error(created.error);
  await fillReviewQueue(created.data.taskId);
  return created.data;
}

async function itemsOf(queueId: number) {
  const { rows } = await pool().query<{ id: number; sample_id: number; position: number; stratum: string }>(
    "SELECT id, sample_id, position, stratum FROM review_items WHERE queue_id = $1 ORDER BY position",
    [queueId],
  );
  return rows;
}

describe("queue drawing", () => {
  it("draws the size asked, split equally by stratum, reproducibly for a seed", async () => {
    const { queueId, taskId } = await drawQueue({ name: "by verdict", size: 30, strata: ["verdict"], allocation: "equal", filterQuery: "", seed: 42 });
    const items = await itemsOf(queueId);
    expect(items).toHaveLength(30);
    expect(items.map((i) => i.position)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const perStratum = new Map<string, number>();
    for (const item of items) perStratum.set(item.stratum, (perStratum.get(item.stratum) ?? 0) + 1);
    expect(Object.fromEntries(perStratum)).toEqual({ "verdict=equal": 6, "verdict=not_equal": 6, "verdict=undecided": 6, "verdict=no_answer": 6, "verdict=ungraded": 6 });
    // Each item's stratum is its sample's.
    const { rows } = await pool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM review_items ri JOIN samples s ON s.id = ri.sample_id WHERE ri.queue_id = $1 AND ri.stratum <> 'verdict=' || s.verdict`,
      [queueId],
    );
    expect(rows[0].n).toBe(0);
    const { rows: task } = await pool().query("SELECT state::text, done::int FROM tasks WHERE id = $1", [taskId]);
    expect(task[0]).toEqual({ state: "completed", done: 30 });

    const again = await drawQueue({ name: "same seed", size: 30, strata: ["verdict"], allocation: "equal", filterQuery: "", seed: 42 });
    expect((await itemsOf(again.queueId)).map((i) => i.sample_id).sort()).toEqual(items.map((i) => i.sample_id).sort());
    const other = await drawQueue({ name: "other seed", size: 30, strata: ["verdict"], allocation: "equal", filterQuery: "", seed: 7 });
    expect((await itemsOf(other.queueId)).map((i) => i.sample_id).sort()).not.toEqual(items.map((i) => i.sample_id).sort());
  });

  it("draws from a table filter with several dimensions", async () => {
    const { queueId } = await drawQueue({ name: "filtered", size: 12, strata: ["set", "source"], allocation: "proportional", filterQuery: "verdict=equal", seed: 1 });
    const { rows } = await pool().query<{ verdict: string; stratum: string }>(
      "SELECT s.verdict::text, ri.stratum FROM review_items ri JOIN samples s ON s.id = ri.sample_id WHERE ri.queue_id = $1",
      [queueId],
    );
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.verdict === "equal" && /^set=.* · source=/.test(r.stratum))).toBe(true);
  });

  it("refuses a reviewer creating a queue", async () => {
    const result = await as(world.users.reviewer, () => createQueue({ name: "x", size: 5, strata: [], allocation: "equal", filterQuery: "" }));
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("claiming and locking", () => {
  it("never gives two reviewers the same item, even asking at the same moment", async () => {
    const { queueId } = await drawQueue({ name: "race", size: 40, strata: [], allocation: "equal", filterQuery: "", seed: 3 });
    const seen = new Map<number, number>();
    for (let round = 0; round < 6; round++) {
      const [a, b] = await Promise.all([
        claimReviewItems(queueId, world.users.reviewer, 3, [...seen.entries()].filter(([, u]) => u === world.users.reviewer).map(([id]) => id)),
        claimReviewItems(queueId, world.users.reviewer2, 3, [...seen.entries()].filter(([, u]) => u === world.users.reviewer2).map(([id]) => id)),
      ]);
      for (const item of a) {
        expect(seen.get(item.itemId) ?? world.users.reviewer).toBe(world.users.reviewer);
        seen.set(item.itemId, world.users.reviewer);
      }
      for (const item of b) {
        expect(seen.get(item.itemId) ?? world.users.reviewer2).toBe(world.users.reviewer2);
        seen.set(item.itemId, world.users.reviewer2);
      }
      expect(a.some((x) => b.some((y) => y.itemId === x.itemId))).toBe(false);
    }
    expect(seen.size).toBe(36);
    const { rows } = await pool().query<{ locked_by_id: number; n: number }>(
      "SELECT locked_by_id, count(*)::int AS n FROM review_items WHERE queue_id = $1 AND locked_until > now() GROUP BY 1 ORDER BY 1",
      [queueId],
    );
    expect(rows.map((r) => r.n)).toEqual([18, 18]);
  });

  it("refuses a decision on another reviewer's live item, and hands it over once the lock expires", async () => {
    const { queueId } = await drawQueue({ name: "locks", size: 5, strata: [], allocation: "equal", filterQuery: "", seed: 5 });
    const [mine] = await claimReviewItems(queueId, world.users.reviewer, 1);
    await expect(annotateSample({ sampleId: mine.sampleId, decision: "accepted", itemId: mine.itemId }, world.users.reviewer2)).rejects.toThrow(/being reviewed by reviewer/);
    // A reload resumes the items one holds.
    expect((await claimReviewItems(queueId, world.users.reviewer, 1)).map((i) => i.itemId)).toEqual([mine.itemId]);
    // Others get other items while the lock lives...
    const theirs = await claimReviewItems(queueId, world.users.reviewer2, 5);
    expect(theirs.map((i) => i.itemId)).not.toContain(mine.itemId);
    expect(theirs).toHaveLength(4);
    // ...and this one once it has expired.
    await pool().query("UPDATE review_items SET locked_until = now() - interval '1 minute' WHERE id = $1", [mine.itemId]);
    const after = await claimReviewItems(queueId, world.users.reviewer2, 1, theirs.map((i) => i.itemId));
    expect(after.map((i) => i.itemId)).toEqual([mine.itemId]);
  });

  it("marks an item done for its reviewer, counts progress, and undo gives it back", async () => {
    const { queueId } = await drawQueue({ name: "undo", size: 4, strata: [], allocation: "equal", filterQuery: "", seed: 9 });
    const [item] = await claimReviewItems(queueId, world.users.reviewer, 1);
    const { annotationId } = await annotateSample({ sampleId: item.sampleId, decision: "rejected", note: "sign error", itemId: item.itemId }, world.users.reviewer);
    let [summary] = await findReviewQueues(queueId);
    expect(summary).toMatchObject({ itemCount: 4, done: 1, inProgress: 0 });
    expect(await findReviewerProgress(queueId)).toEqual([{ userId: world.users.reviewer, reviewer: "reviewer", accepted: 0, rejected: 1, unsure: 0, total: 1 }]);
    // Done items are nobody's to claim, not even its reviewer's.
    const others = await claimReviewItems(queueId, world.users.reviewer2, 10);
    expect(others.map((i) => i.itemId)).not.toContain(item.itemId);

    await expect(undoAnnotation(annotationId, world.users.reviewer2)).rejects.toThrow(/someone else's/);
    await undoAnnotation(annotationId, world.users.reviewer);
    const { rows: after } = await pool().query<{ review_status: string }>("SELECT review_status::text FROM samples WHERE id = $1", [item.sampleId]);
    // No other decision stands on this sample, so it is unreviewed again.
    expect(after[0].review_status).toBe("unreviewed");
    const { rows: superseded } = await pool().query("SELECT superseded_at IS NOT NULL AS gone FROM review_annotations WHERE id = $1", [annotationId]);
    expect(superseded[0].gone).toBe(true);
    [summary] = await findReviewQueues(queueId);
    expect(summary).toMatchObject({ done: 0, inProgress: 4 });
    expect((await claimReviewItems(queueId, world.users.reviewer, 1)).map((i) => i.itemId)).toEqual([item.itemId]);
    await expect(undoAnnotation(annotationId, world.users.reviewer)).rejects.toThrow(/already undone/);
  });
});

describe("grader error estimate", () => {
  it("matches a hand computation with Wilson intervals, per stratum and pooled", async () => {
    const pick = async (verdict: string, n: number, skip: number) =>
      (await pool().query<{ id: number }>(`SELECT id FROM samples WHERE verdict = $1 ORDER BY id DESC OFFSET $3 LIMIT $2`, [verdict, n, skip])).rows.map((r) => r.id);
    const { rows: q } = await pool().query<{ id: number }>(`INSERT INTO review_queues (name) VALUES ('estimate') RETURNING id`);
    const queueId = q[0].id;
    const s1Equal = await pick("equal", 10, 0);
    const s2Equal = await pick("equal", 5, 10);
    const s2NotEqual = await pick("not_equal", 2, 0);
    const s2Undecided = await pick("undecided", 1, 0);
    const plan: [number, string, "accepted" | "rejected" | "unsure"][] = [
      ...s1Equal.map((id, i) => [id, "S1", i < 8 ? "accepted" : "rejected"] as [number, string, "accepted" | "rejected"]),
      ...s2Equal.map((id, i) => [id, "S2", i < 4 ? "accepted" : "unsure"] as [number, string, "accepted" | "unsure"]),
      [s2NotEqual[0], "S2", "accepted"],
      [s2NotEqual[1], "S2", "rejected"],
      [s2Undecided[0], "S2", "accepted"],
    ];
    let position = 0;
    for (const [sampleId, stratum] of plan) {
      await pool().query("INSERT INTO review_items (queue_id, sample_id, position, stratum) VALUES ($1, $2, $3, $4)", [queueId, sampleId, ++position, stratum]);
    }
    const items = await claimReviewItems(queueId, world.users.reviewer, plan.length);
    for (const item of items) {
      const decision = plan.find(([id]) => id === item.sampleId)?.[2] ?? "unsure";
      // The first S1 item is first decided the other way and undone: only the final decision counts.
      if (item.position === 1) {
        const wrong = await annotateSample({ sampleId: item.sampleId, decision: "rejected", itemId: item.itemId }, world.users.reviewer);
        await undoAnnotation(wrong.annotationId, world.users.reviewer);
      }
      await annotateSample({ sampleId: item.sampleId, decision, itemId: item.itemId }, world.users.reviewer);
    }
    // A decision outside any queue is not part of the estimate.
    await annotateSample({ sampleId: s1Equal[0], decision: "rejected" }, world.users.reviewer2);

    const { strata, pooled } = await estimateVerdictErrors(queueId);
    const [s1, s2] = strata;
    expect(s1.stratum).toBe("S1");
    expect(s1.overall).toMatchObject({ successes: 2, trials: 10 });
    expect(s1.overall.low).toBeCloseTo(0.056682, 5);
    expect(s1.overall.high).toBeCloseTo(0.509838, 5);
    expect(s1.falseNotEqual.trials).toBe(0);
    expect(s2.stratum).toBe("S2");
    expect(s2.overall).toMatchObject({ successes: 1, trials: 6 });
    expect(s2.overall.low).toBeCloseTo(0.030053, 5);
    expect(s2.overall.high).toBeCloseTo(0.563503, 5);
    expect(s2.falseEqual).toMatchObject({ successes: 0, trials: 4 });
    expect(s2.falseEqual.high).toBeCloseTo(0.489891, 5);
    expect(s2.falseNotEqual).toMatchObject({ successes: 1, trials: 2 });
    expect(s2.excluded).toBe(2);
    expect(pooled.overall).toMatchObject({ successes: 3, trials: 16 });
    expect(pooled.overall.low).toBeCloseTo(0.065916, 5);
    expect(pooled.overall.high).toBeCloseTo(0.430089, 5);
  });
});
