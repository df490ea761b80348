// Protects: splitting a review queue among reviewers (k per item), keeping finished reviews with
// their reviewer, handing each reviewer only their own items, refusing people who cannot review,
// the per-reviewer progress, the agreement figures, and the audit entry.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { annotate } from "@/app/(studio)/review/actions";
import { withSessionClaim } from "@/lib/auth/current-user";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { loadDemoIfEmpty } from "@/lib/demo/load-demo";
import { annotateSample } from "@/lib/review/annotate-sample";
import { assignQueue } from "@/lib/review/assign-queue";
import { claimReviewItems } from "@/lib/review/claim-review-items";
import { findAssignmentProgress } from "@/lib/review/find-assignment-progress";
import { findQueueAgreement } from "@/lib/review/find-queue-agreement";
import { createUser } from "@/lib/users/create-user";
import { setUserActive } from "@/lib/users/update-user";

// Server-only modules refuse to load outside Next's server bundle; here we are the server.
vi.mock("server-only", () => ({}));

let queueId: number;
let sampleIds: number[];
const people = {} as Record<"curator" | "r1" | "r2" | "r3" | "viewer" | "gone", { id: number }>;

async function itemRows() {
  const { rows } = await pool().query<{ sample_id: number; assigned_to_id: number | null; position: number; stratum: string | null }>(
    "SELECT sample_id, assigned_to_id, position, stratum FROM review_items WHERE queue_id = $1 ORDER BY position, assigned_to_id",
    [queueId],
  );
  return rows;
}

async function review(userId: number, decide: (sampleId: number) => "accepted" | "rejected" | "unsure", want = 100) {
  const items = await claimReviewItems(queueId, userId, want);
  for (const item of items) await annotateSample({ sampleId: item.sampleId, decision: decide(item.sampleId), itemId: item.itemId }, userId);
  return items;
}

beforeAll(async () => {
  await loadDemoIfEmpty(() => {});
  sampleIds = (await prisma().sample.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 10 })).map((s) => s.id);
  expect(sampleIds).toHaveLength(10);
  for (const [key, role] of [["curator", "curator"], ["r1", "reviewer"], ["r2", "reviewer"], ["r3", "reviewer"], ["viewer", "viewer"], ["gone", "reviewer"]] as const) {
    people[key] = await createUser({ email: `${key}@assign.test`, role, password: "assign-pass-1" });
  }
  await setUserActive(people.gone.id, false);
  const queue = await prisma().reviewQueue.create({ data: { name: "agreement check", itemCount: 10, createdById: people.curator.id } });
  queueId = queue.id;
  await pool().query(
    "INSERT INTO review_items (queue_id, sample_id, position, stratum) SELECT $1, s, ord, 'all' FROM unnest($2::int[]) WITH ORDINALITY AS t(s, ord)",
    [queueId, sampleIds],
  );
});

describe("assignQueue", () => {
  it("refuses people who cannot review and impossible settings, changing nothing", async () => {
    const before = await itemRows();
    await expect(assignQueue({ queueId, reviewerIds: [people.r1.id, people.viewer.id], perItem: 1 }, people.curator.id)).rejects.toThrow(/viewer@assign.test is a viewer and cannot review/);
    await expect(assignQueue({ queueId, reviewerIds: [people.r1.id, people.gone.id], perItem: 1 }, people.curator.id)).rejects.toThrow(/gone@assign.test is deactivated/);
    await expect(assignQueue({ queueId, reviewerIds: [people.r1.id], perItem: 2 }, people.curator.id)).rejects.toThrow(/needs at least 2 reviewers; you chose 1/);
    await expect(assignQueue({ queueId, reviewerIds: [], perItem: 1 }, people.curator.id)).rejects.toThrow(/at least one reviewer/);
    await expect(assignQueue({ queueId: 999_999, reviewerIds: [people.r1.id], perItem: 1 }, people.curator.id)).rejects.toThrow(/Review queue #999999 was not found/);
    expect(await itemRows()).toEqual(before);
  });

  it("keeps a review finished from the shared pool, and gives every item k distinct reviewers, balanced", async () => {
    // r1 reviews the first two items from the unassigned pool.
    const early = await review(people.r1.id, () => "accepted", 2);
    expect(early.map((i) => i.position)).toEqual([1, 2]);

    const result = await assignQueue({ queueId, reviewerIds: [people.r1.id, people.r2.id, people.r3.id], perItem: 2 }, people.curator.id);
    expect(result.items).toBe(10);
    expect(result.rows).toBe(18); // 20 slots, 2 already filled by r1's finished reviews
    const rows = await itemRows();
    expect(rows).toHaveLength(20);
    for (const sampleId of sampleIds) {
      const who = rows.filter((r) => r.sample_id === sampleId).map((r) => r.assigned_to_id);
      expect(new Set(who).size, `sample ${sampleId}`).toBe(2);
      expect(who.every((id) => id !== null)).toBe(true);
    }
    // The finished reviews stayed with r1.
    expect(rows.filter((r) => r.sample_id === sampleIds[0]).map((r) => r.assigned_to_id)).toContain(people.r1.id);
    const loads = Object.values(result.load);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(rows.every((r) => r.stratum === "all")).toBe(true);
    expect((await prisma().reviewQueue.findUniqueOrThrow({ where: { id: queueId } })).reviewersPerItem).toBe(2);

    const [entry] = await prisma().auditLog.findMany({ where: { action: "review.queue.assign", objectId: String(queueId) } });
    expect(entry).toMatchObject({ userId: people.curator.id, objectType: "review_queue", details: { perItem: 2, newRows: 18, items: 10 } });
  });

  it("hands each reviewer only their own items, and shows progress and agreement", async () => {
    const mine = await claimReviewItems(queueId, people.r2.id, 100);
    const assignedToR2 = (await itemRows()).filter((r) => r.assigned_to_id === people.r2.id).map((r) => r.sample_id);
    expect(mine.map((i) => i.sampleId).sort()).toEqual([...assignedToR2].sort());
    // r2 accepts everything except the first two samples; r1 and r3 accept everything.
    for (const item of mine) {
      await annotateSample({ sampleId: item.sampleId, decision: sampleIds.indexOf(item.sampleId) < 2 ? "rejected" : "accepted", itemId: item.itemId }, people.r2.id);
    }
    await review(people.r1.id, () => "accepted");
    await review(people.r3.id, () => "accepted");

    const { reviewersPerItem, reviewers: progress } = await findAssignmentProgress(queueId);
    expect(reviewersPerItem).toBe(2);
    expect(progress.map((p) => p.reviewer).sort()).toEqual(["r1@assign.test", "r2@assign.test", "r3@assign.test"]);
    for (const p of progress) expect(p.done).toBe(p.assigned);
    expect(progress.reduce((sum, p) => sum + p.assigned, 0)).toBe(20);

    const agreement = await findQueueAgreement(queueId);
    expect(agreement.reviewers).toBe(3);
    expect(agreement.kappa).toBeNull();
    expect(agreement.reviewedByMany).toBe(10);
    const r2Disagreed = assignedToR2.filter((s) => sampleIds.indexOf(s) < 2).length;
    expect(agreement.unanimity).toEqual({ items: 10, unanimous: 10 - r2Disagreed, share: (10 - r2Disagreed) / 10 });
  });

  it("gives Cohen's kappa when exactly two reviewers share items", async () => {
    const queue = await prisma().reviewQueue.create({ data: { name: "pair", itemCount: 4, createdById: people.curator.id } });
    await pool().query("INSERT INTO review_items (queue_id, sample_id, position) SELECT $1, s, ord FROM unnest($2::int[]) WITH ORDINALITY AS t(s, ord)", [queue.id, sampleIds.slice(0, 4)]);
    await assignQueue({ queueId: queue.id, reviewerIds: [people.r1.id, people.r3.id], perItem: 2 }, people.curator.id);
    // r1: acc acc rej rej; r3: acc rej rej rej → observed 3/4; r1 acc 1/2, r3 acc 1/4;
    // expected = 1/2·1/4 + 1/2·3/4 = 1/2; kappa = (3/4 − 1/2) / (1/2) = 0.5.
    const r1 = ["accepted", "accepted", "rejected", "rejected"] as const;
    const r3 = ["accepted", "rejected", "rejected", "rejected"] as const;
    for (const [user, labels] of [[people.r1.id, r1], [people.r3.id, r3]] as const) {
      for (const item of await claimReviewItems(queue.id, user, 10)) {
        await annotateSample({ sampleId: item.sampleId, decision: labels[sampleIds.indexOf(item.sampleId)], itemId: item.itemId }, user);
      }
    }
    const agreement = await findQueueAgreement(queue.id);
    expect(agreement.reviewers).toBe(2);
    expect(agreement.kappa?.items).toBe(4);
    expect(agreement.kappa?.kappa).toBeCloseTo(0.5, 12);
  });
});

describe("annotate holds the assignment", () => {
  it("refuses a reviewer who sends the id of an item assigned to someone else, changing nothing; the assignee may", async () => {
    const queue = await prisma().reviewQueue.create({ data: { name: "held", itemCount: 2, createdById: people.curator.id } });
    await pool().query("INSERT INTO review_items (queue_id, sample_id, position) SELECT $1, s, ord FROM unnest($2::int[]) WITH ORDINALITY AS t(s, ord)", [queue.id, sampleIds.slice(8, 10)]);
    await assignQueue({ queueId: queue.id, reviewerIds: [people.r1.id], perItem: 1 }, people.curator.id);
    const items = await prisma().reviewItem.findMany({ where: { queueId: queue.id }, orderBy: { position: "asc" } });
    expect(items.every((i) => i.assignedToId === people.r1.id)).toBe(true);
    const [first, second] = items;
    const annotationsBefore = await prisma().reviewAnnotation.count({ where: { queueId: queue.id } });
    const statusBefore = await prisma().sample.findUniqueOrThrow({ where: { id: first.sampleId }, select: { reviewStatus: true } });

    // Through the server action a reviewer's browser calls, with r3's session.
    const refused = await withSessionClaim({ userId: people.r3.id, sessionVersion: 1 }, () => annotate({ sampleId: first.sampleId, decision: "rejected", itemId: first.id }));
    expect(refused).toMatchObject({ ok: false, code: "failed", error: expect.stringMatching(/is assigned to r1@assign\.test, not to you/) });
    // The same, whether or not the item is currently claimed by its assignee.
    await claimReviewItems(queue.id, people.r1.id, 1);
    await expect(annotateSample({ sampleId: first.sampleId, decision: "rejected", itemId: first.id }, people.r3.id)).rejects.toThrow(/assigned to r1@assign\.test/);
    expect(await prisma().reviewAnnotation.count({ where: { queueId: queue.id } })).toBe(annotationsBefore);
    expect(await prisma().sample.findUniqueOrThrow({ where: { id: first.sampleId }, select: { reviewStatus: true } })).toEqual(statusBefore);
    expect(await prisma().reviewItem.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ lockedById: null });

    const allowed = await withSessionClaim({ userId: people.r1.id, sessionVersion: 1 }, () => annotate({ sampleId: first.sampleId, decision: "accepted", itemId: first.id }));
    expect(allowed).toMatchObject({ ok: true });
  });
});
