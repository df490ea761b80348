// Protects: bulk actions only run for curators, only after an exact count, as a job with a Task
// row and audit entries, touching exactly the rows that matched when the count was confirmed;
// reviewers cannot bulk-act and viewers cannot annotate.
import { beforeAll, describe, expect, it } from "vitest";
import { annotate } from "@/app/(studio)/review/actions";
import { previewBulk, startBulk } from "@/app/(studio)/solutions/actions";
import { withSessionClaim } from "@/lib/auth/current-user";
import { pool } from "@/lib/db/pool";
import type { BulkRequest } from "@/lib/solutions/bulk-action";
import { runBulkActionTask } from "@/lib/solutions/run-bulk-action";
import { type SeededWorld, seedReviewWorld } from "@/tests/support/seed-review-data";

let world: SeededWorld;
const as = <T>(userId: number, fn: () => Promise<T>) => withSessionClaim({ userId, sessionVersion: 1 }, fn);

beforeAll(async () => {
  world = await seedReviewWorld();
});

async function count(sql: string, values: unknown[] = []): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(`SELECT (${sql})::int AS n`, values);
  return rows[0].n;
}

describe("permissions", () => {
  it("refuses bulk actions to a reviewer and creates nothing", async () => {
    const request: BulkRequest = { action: "accept", target: { kind: "filter", query: "verdict=equal" } };
    const preview = await as(world.users.reviewer, () => previewBulk(request));
    expect(preview).toMatchObject({ ok: false, code: "forbidden" });
    const start = await as(world.users.reviewer, () => startBulk({ request, confirmedCount: 1, maxId: 1_000_000 }));
    expect(start).toMatchObject({ ok: false, code: "forbidden" });
    expect(await count("SELECT count(*) FROM tasks")).toBe(0);
  });

  it("refuses annotation to a viewer and allows it to a reviewer", async () => {
    const sampleId = await count("SELECT min(id) FROM samples");
    const before = await count("SELECT count(*) FROM review_annotations");
    const viewer = await as(world.users.viewer, () => annotate({ sampleId, decision: "accepted" }));
    expect(viewer).toMatchObject({ ok: false, code: "forbidden" });
    expect(await count("SELECT count(*) FROM review_annotations")).toBe(before);
    const reviewer = await as(world.users.reviewer, () => annotate({ sampleId, decision: "rejected", note: "wrong sign" }));
    expect(reviewer.ok).toBe(true);
    expect(await count(`SELECT count(*) FROM samples WHERE id = $1 AND review_status = 'rejected'`, [sampleId])).toBe(1);
    expect(await count(`SELECT count(*) FROM audit_log WHERE action = 'review.annotate' AND object_id = $1`, [String(sampleId)])).toBe(1);
  });

  it("refuses unauthenticated callers", async () => {
    const result = await withSessionClaim(null, () => previewBulk({ action: "accept", target: { kind: "ids", ids: [1] } }));
    expect(result).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});

describe("bulk actions", () => {
  it("accepts everything matching a filter: counted, confirmed, run as a job, audited", async () => {
    const query = "verdict=not_equal&source=math";
    const matching = `SELECT count(*) FROM samples s JOIN problems p ON p.id = s.problem_id WHERE s.verdict = 'not_equal' AND p.source = 'math'`;
    const expected = await count(matching);
    const alreadyAccepted = await count(`${matching} AND s.review_status = 'accepted'`);
    expect(expected).toBeGreaterThan(10);
    const request: BulkRequest = { action: "accept", target: { kind: "filter", query } };
    const preview = await as(world.users.curator, () => previewBulk(request));
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.count).toBe(expected);

    // A solution arriving after the count was confirmed is not swept in.
    const { rows: late } = await pool().query<{ id: number }>(
      `INSERT INTO samples (problem_id, set_id, sample_index, text, verdict, char_length)
       SELECT id, set_id, 999, 'late arrival', 'not_equal', 12 FROM problems WHERE source = 'math' LIMIT 1 RETURNING id`,
    );

    const started = await as(world.users.curator, () => startBulk({ request, confirmedCount: preview.data.count, maxId: preview.data.maxId }));
    if (!started.ok) throw new Error(started.error);
    const { taskId } = started.data;
    const { rows: tasks } = await pool().query(`SELECT kind, state::text, total::int, created_by_id FROM tasks WHERE id = $1`, [taskId]);
    expect(tasks[0]).toEqual({ kind: "samples.bulk", state: "queued", total: expected, created_by_id: world.users.curator });
    expect(await count(`SELECT count(*) FROM audit_log WHERE action = 'samples.bulk.start' AND object_id = $1`, [String(taskId)])).toBe(1);
    expect(await count(`SELECT count(*) FROM pgboss.job WHERE name = 'samples-bulk' AND (data->>'taskId')::int = $1`, [taskId])).toBe(1);

    const result = await runBulkActionTask(taskId);
    expect(result).toEqual({ processed: expected, changed: expected - alreadyAccepted, what: "solutions accepted" });
    expect(await count(`${matching} AND s.review_status <> 'accepted' AND s.id <> $1`, [late[0].id])).toBe(0);
    expect(await count(`SELECT count(*) FROM samples WHERE id = $1 AND review_status = 'unreviewed'`, [late[0].id])).toBe(1);
    expect(await count(`SELECT count(*) FROM review_annotations WHERE user_id = $1 AND decision = 'accepted'`, [world.users.curator])).toBe(expected - alreadyAccepted);
    const { rows: done } = await pool().query(`SELECT state::text, done::int FROM tasks WHERE id = $1`, [taskId]);
    expect(done[0]).toEqual({ state: "completed", done: expected });
    expect(await count(`SELECT count(*) FROM audit_log WHERE action = 'samples.bulk.finish' AND object_id = $1`, [String(taskId)])).toBe(1);
  });

  it("flags the problems of picked solutions for contamination review", async () => {
    const { rows } = await pool().query<{ id: number; problem_id: number }>(
      `SELECT s.id, s.problem_id FROM samples s JOIN problems p ON p.id = s.problem_id WHERE p.contamination_status = 'clean' ORDER BY s.id LIMIT 3`,
    );
    const request: BulkRequest = { action: "flag_contamination", target: { kind: "ids", ids: rows.map((r) => r.id) } };
    const preview = await as(world.users.curator, () => previewBulk(request));
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.count).toBe(3);
    const started = await as(world.users.curator, () => startBulk({ request, confirmedCount: 3, maxId: preview.data.maxId }));
    if (!started.ok) throw new Error(started.error);
    await runBulkActionTask(started.data.taskId);
    const problems = [...new Set(rows.map((r) => r.problem_id))];
    expect(await count(`SELECT count(*) FROM problems WHERE id = ANY($1::int[]) AND contamination_status = 'flagged'`, [problems])).toBe(problems.length);
  });

  it("adds matching solutions to a review queue once each", async () => {
    const { rows: q } = await pool().query<{ id: number }>(`INSERT INTO review_queues (name) VALUES ('bulk target') RETURNING id`);
    const queueId = q[0].id;
    const request: BulkRequest = { action: "add_to_queue", queueId, target: { kind: "filter", query: `set=${world.setIds[0]}&verdict=undecided` } };
    const expected = await count(`SELECT count(*) FROM samples WHERE set_id = $1 AND verdict = 'undecided'`, [world.setIds[0]]);
    for (let round = 0; round < 2; round++) {
      const preview = await as(world.users.curator, () => previewBulk(request));
      if (!preview.ok) throw new Error(preview.error);
      const started = await as(world.users.curator, () => startBulk({ request, confirmedCount: preview.data.count, maxId: preview.data.maxId }));
      if (!started.ok) throw new Error(started.error);
      await runBulkActionTask(started.data.taskId);
    }
    expect(await count(`SELECT count(*) FROM review_items WHERE queue_id = $1`, [queueId])).toBe(expected);
    expect(await count(`SELECT item_count FROM review_queues WHERE id = $1`, [queueId])).toBe(expected);
    expect(await count(`SELECT count(DISTINCT position) FROM review_items WHERE queue_id = $1`, [queueId])).toBe(expected);
  });

  it("refuses a filter it cannot read completely, naming the value", async () => {
    const result = await as(world.users.curator, () => previewBulk({ action: "reject", target: { kind: "filter", query: "verdict=maybe" } }));
    expect(result).toMatchObject({ ok: false, code: "failed" });
    expect(!result.ok && result.error).toMatch(/verdict=maybe/);
  });
});
