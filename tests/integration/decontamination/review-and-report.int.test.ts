// Protects stage 3 and the report: decisions set the status, keep who/when/the evidence seen and
// write audit entries; undo restores the status and keeps the decision on record; family actions
// count before they run and flag exactly the counted problems; the report's funnel matches counts
// worked out by hand; viewers cannot decide, reviewers cannot run retrieval; the report download
// checks the session.
import { beforeAll, describe, expect, it } from "vitest";
import { startRetrievalAction } from "@/app/(studio)/decontamination/actions";
import { decideProblemAction, flagGroupAction, previewGroupFlagAction, undoContaminationDecisionAction } from "@/app/(studio)/decontamination/review/actions";
import { GET as reportRoute } from "@/app/api/decontamination/report/route";
import { withSessionClaim } from "@/lib/auth/current-user";
import { pool } from "@/lib/db/pool";
import { runRetrievalHere } from "@/lib/decontamination/pipeline/retrieval-task";
import { buildDecontamReport } from "@/lib/decontamination/report/build-decontam-report";
import { cachedDecontamReport } from "@/lib/decontamination/report/cached-decontam-report";
import { findQueueNeighbour } from "@/lib/decontamination/review/find-review-problem";
import { DEFAULT_REVIEW_FILTER } from "@/lib/decontamination/review/review-filter";
import { prisma } from "@/lib/db/prisma";
import { addSyntheticProblems, auditActions, loadDemo, problemIdByKey, statusOf, userWithRole } from "./decontam-helpers";

const thresholds = { threshold: 0.4, embeddingThreshold: 0.9 };
let ids: { exact: number; renamed: number; unrelated: number; twin: number };

beforeAll(async () => {
  await loadDemo();
  const second = await prisma().problemSet.create({ data: { name: "bench-two", role: "benchmark", problemCount: 1 } });
  await prisma().problem.create({
    data: {
      setId: second.id,
      text: "A train leaves the station at 9:00 and travels 240 kilometres at 80 kilometres per hour. At what time does it arrive?",
      textHash: "b".repeat(64),
      sourceKey: "two/0",
      source: "bench-two",
    },
  });
  const [exact, renamed, unrelated, twin] = await addSyntheticProblems("report-set", [
    { key: "r/exact", text: "What is the greatest common divisor of $252$ and $198$?" },
    { key: "r/renamed", text: "A bakery sells sandwiches for $8 each and drinks for $3 each. On Friday it sold 45 sandwiches and 60 drinks, and its costs for the day were $210. How much profit did the bakery make on Friday?" },
    { key: "r/unrelated", text: "Quilting circles exchange embroidered handkerchiefs; each knitter prefers lavender thread over crimson yarn." },
    { key: "r/twin", text: "A bus leaves the depot at 9:00 and travels 240 kilometres at 80 kilometres per hour. At what time does it arrive?" },
  ]);
  ids = { exact, renamed, unrelated, twin };
  await runRetrievalHere({ problemSet: "report-set", against: ["demo-benchmark", "bench-two"] }, null);
});

async function closeSets(problemId: number): Promise<string[]> {
  const { rows } = await pool().query<{ name: string }>(
    `SELECT DISTINCT s.name FROM contamination_candidates c JOIN problems b ON b.id = c.benchmark_problem_id JOIN problem_sets s ON s.id = b.set_id
     WHERE c.problem_id = $1 AND (c.exact OR c.score >= 0.4) ORDER BY s.name`,
    [problemId],
  );
  return rows.map((r) => r.name);
}

describe("the scenario the hand counts rely on", () => {
  it("has the expected close pairs and statuses", async () => {
    expect(await closeSets(ids.exact)).toEqual(["demo-benchmark"]);
    expect(await closeSets(ids.renamed)).toEqual(["demo-benchmark"]);
    expect(await closeSets(ids.unrelated)).toEqual([]);
    expect(await closeSets(ids.twin)).toEqual(["bench-two"]);
    expect([await statusOf(ids.exact), await statusOf(ids.renamed), await statusOf(ids.unrelated), await statusOf(ids.twin)]).toEqual(["flagged", "candidate", "clean", "candidate"]);
  });
});

describe("decisions", () => {
  it("set the status, keep the evidence seen, write audit entries, and undo restores", async () => {
    const reviewer = await userWithRole("reviewer");
    const shown = (await pool().query<{ id: number }>(`SELECT id FROM contamination_candidates WHERE problem_id = $1 ORDER BY id`, [ids.exact])).rows.map((r) => r.id);
    const decided = await withSessionClaim(reviewer.claim, () => decideProblemAction({ problemId: ids.exact, decision: "contaminated", note: "verbatim GCD question", shownCandidateIds: shown }));
    expect(decided).toMatchObject({ ok: true, data: { status: "contaminated", statusBefore: "flagged" } });
    if (!decided.ok) return;
    expect(await statusOf(ids.exact)).toBe("contaminated");
    const row = await prisma().contaminationDecision.findUniqueOrThrow({ where: { id: decided.data.decisionId } });
    expect(row).toMatchObject({ problemId: ids.exact, decision: "contaminated", note: "verbatim GCD question", userId: reviewer.id, undoneAt: null });
    const evidence = row.evidence as { statusBefore: string; shownCandidateIds: number[]; pairs: { benchmarkKey: string; benchmarkText: string; exact: boolean; score: number }[] };
    expect(evidence.statusBefore).toBe("flagged");
    expect(evidence.shownCandidateIds).toEqual(shown);
    expect(evidence.pairs[0]).toMatchObject({ benchmarkKey: "demo-test/math/number_theory/0", exact: true, score: 1 });
    expect(evidence.pairs[0].benchmarkText).toContain("greatest common divisor");

    // Leaves the default queue (undecided problems only).
    let cursor = await findQueueNeighbour(DEFAULT_REVIEW_FILTER, null, "next", thresholds);
    const queue: number[] = [];
    while (cursor) {
      queue.push(cursor.id);
      cursor = await findQueueNeighbour(DEFAULT_REVIEW_FILTER, cursor, "next", thresholds);
    }
    expect(queue).not.toContain(ids.exact);
    expect(queue).toEqual(expect.arrayContaining([ids.renamed, ids.twin]));

    const undone = await withSessionClaim(reviewer.claim, () => undoContaminationDecisionAction({ decisionId: decided.data.decisionId }));
    expect(undone).toMatchObject({ ok: true, data: { status: "flagged" } });
    expect(await statusOf(ids.exact)).toBe("flagged");
    expect((await prisma().contaminationDecision.findUniqueOrThrow({ where: { id: decided.data.decisionId } })).undoneAt).not.toBeNull();
    const again = await withSessionClaim(reviewer.claim, () => undoContaminationDecisionAction({ decisionId: decided.data.decisionId }));
    expect(again).toMatchObject({ ok: false, error: expect.stringMatching(/already undone/) });

    const other = await userWithRole("reviewer");
    const second = await withSessionClaim(reviewer.claim, () => decideProblemAction({ problemId: ids.exact, decision: "contaminated" }));
    expect(second.ok).toBe(true);
    if (second.ok) expect(await withSessionClaim(other.claim, () => undoContaminationDecisionAction({ decisionId: second.data.decisionId }))).toMatchObject({ ok: false, error: expect.stringMatching(/someone else's/) });

    const audit = await auditActions("decontam.");
    const mine = audit.filter((a) => a.userId === reviewer.id);
    expect(mine.map((a) => a.action)).toEqual(["decontam.decide", "decontam.undo", "decontam.decide"]);
    expect(mine[0]).toMatchObject({ objectId: String(ids.exact), details: { decision: "contaminated", statusBefore: "flagged", status: "contaminated" } });
    expect(mine[1].details).toMatchObject({ restoredStatus: "flagged" });
  });

  it("are refused to a viewer, and retrieval is refused to a reviewer, changing nothing", async () => {
    const viewer = await userWithRole("viewer");
    const reviewer = await userWithRole("reviewer");
    const curator = await userWithRole("curator");
    const before = await statusOf(ids.renamed);
    expect(await withSessionClaim(viewer.claim, () => decideProblemAction({ problemId: ids.renamed, decision: "clean" }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await withSessionClaim(viewer.claim, () => flagGroupAction({ group: { kind: "family", problemId: ids.renamed }, confirmedCount: 1 }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await statusOf(ids.renamed)).toBe(before);
    const tasksBefore = await pool().query(`SELECT count(*)::int AS n FROM tasks WHERE kind = 'decontam.retrieve'`);
    const setIds = await pool().query<{ id: number; name: string }>(`SELECT id, name FROM problem_sets WHERE name IN ('report-set', 'demo-benchmark')`);
    const setId = (name: string) => setIds.rows.find((r) => r.name === name)?.id as number;
    const input = { problemSet: setId("report-set"), against: [setId("demo-benchmark")] };
    expect(await withSessionClaim(reviewer.claim, () => startRetrievalAction(input))).toMatchObject({ ok: false, code: "forbidden" });
    expect((await pool().query(`SELECT count(*)::int AS n FROM tasks WHERE kind = 'decontam.retrieve'`)).rows[0].n).toBe(tasksBefore.rows[0].n);
    const started = await withSessionClaim(curator.claim, () => startRetrievalAction(input));
    expect(started).toMatchObject({ ok: true });
    // Leave the queued run alone: the report reads completed runs only.
    if (started.ok) await pool().query(`UPDATE tasks SET state = 'cancelled' WHERE id = $1`, [started.data.taskId]);
  });
});

describe("family actions", () => {
  it("count the seed's whole family before flagging it, and flag exactly those not decided by a person", async () => {
    const reviewer = await userWithRole("reviewer");
    const seedId = await problemIdByKey("demo-gsm8k/1");
    const child = await problemIdByKey("demo-synthetic/1");
    const [grandchild] = await addSyntheticProblems("family-set", [{ key: "f/1", text: "Maya jogs 4 miles on each weekday. How far in 3 weeks?", parentId: child }]);
    const [greatGrandchild] = await addSyntheticProblems("family-set", [{ key: "f/2", text: "Maya jogs 4 miles daily. How far in 2 weeks?", parentId: grandchild }]);
    const { rows } = await pool().query<{ id: number }>(`SELECT id FROM problems WHERE parent_id = $1`, [seedId]);
    const family = [...rows.map((r) => r.id), grandchild, greatGrandchild];
    // One of them was already decided by a person: counted, not flagged.
    await withSessionClaim(reviewer.claim, () => decideProblemAction({ problemId: greatGrandchild, decision: "clean" }));

    const preview = await withSessionClaim(reviewer.claim, () => previewGroupFlagAction({ group: { kind: "family", problemId: greatGrandchild } }));
    expect(preview).toMatchObject({ ok: true, data: { kind: "family", anchorId: seedId, total: family.length, willFlag: family.length - 1 } });
    const flagged = await withSessionClaim(reviewer.claim, () => flagGroupAction({ group: { kind: "family", problemId: child }, confirmedCount: family.length }));
    expect(flagged).toMatchObject({ ok: true, data: { flagged: family.length - 1 } });
    for (const id of family) expect(await statusOf(id)).toBe(id === greatGrandchild ? "cleared" : "flagged");
    expect(await statusOf(seedId)).toBe("unchecked");
    const [entry] = (await auditActions("decontam.family.flag")).slice(-1);
    expect(entry).toMatchObject({ userId: reviewer.id, objectId: String(seedId), details: { total: family.length, flagged: family.length - 1, confirmedCount: family.length } });
  });

  it("count and flag every problem near one benchmark item", async () => {
    const reviewer = await userWithRole("reviewer");
    const trainId = await problemIdByKey("two/0");
    const preview = await withSessionClaim(reviewer.claim, () => previewGroupFlagAction({ group: { kind: "benchmark", benchmarkId: trainId } }));
    expect(preview).toMatchObject({ ok: true, data: { total: 1, willFlag: 1 } });
    // Put back afterwards: the report test counts the twin as an undecided candidate.
    const flagged = await withSessionClaim(reviewer.claim, () => flagGroupAction({ group: { kind: "benchmark", benchmarkId: trainId }, confirmedCount: 1 }));
    expect(flagged).toMatchObject({ ok: true, data: { flagged: 1 } });
    expect(await statusOf(ids.twin)).toBe("flagged");
    await pool().query(`UPDATE problems SET contamination_status = 'candidate' WHERE id = $1`, [ids.twin]);
  });
});

describe("the report", () => {
  it("matches the funnel counted by hand, per benchmark set and in total", async () => {
    const reviewer = await userWithRole("reviewer");
    // The judge's answers as the batch runner lands them: the renamed copy False twice, the twin True + failed.
    await pool().query(
      `UPDATE contamination_candidates c SET judge_forward = 'said_false', judge_backward = 'said_false'
       FROM problems b WHERE c.problem_id = $1 AND b.id = c.benchmark_problem_id AND b.source_key = 'demo-test/gsm8k/2'`,
      [ids.renamed],
    );
    await pool().query(
      `UPDATE contamination_candidates c SET judge_forward = 'said_true', judge_backward = 'failed'
       FROM problems b WHERE c.problem_id = $1 AND b.id = c.benchmark_problem_id AND b.source_key = 'two/0'`,
      [ids.twin],
    );
    // The renamed rewrite scores as a near-certain rephrasing, so the page asks once; confirmed here.
    await withSessionClaim(reviewer.claim, () => decideProblemAction({ problemId: ids.renamed, decision: "clean", confirmedNearCopy: true }));
    // ids.exact: contaminated (previous test). ids.twin: undecided.
    const report = await buildDecontamReport(thresholds);
    const demo = report.rows.find((r) => r.benchmarkSet === "demo-benchmark");
    const two = report.rows.find((r) => r.benchmarkSet === "bench-two");
    // checked: the 4 problems of report-set, against both sets (demo-synthetic was never run here).
    expect(demo).toEqual({
      benchmarkSet: "demo-benchmark",
      benchmarkSetId: expect.any(Number),
      checked: 4,
      candidates: 2, // exact, renamed
      judged: 1, // renamed
      judgeFailures: 0,
      flagged: 1, // exact (an exact match flags without a judge)
      confirmed: 1, // exact
      cleared: 1, // renamed
      unsure: 0,
      awaitingReview: 0,
    });
    expect(two).toMatchObject({ checked: 4, candidates: 1, judged: 1, judgeFailures: 1, flagged: 1, confirmed: 0, cleared: 0, awaitingReview: 1 });
    expect(report.total).toMatchObject({ benchmarkSet: null, checked: 4, candidates: 3, judged: 2, judgeFailures: 1, flagged: 2, confirmed: 1, cleared: 1, awaitingReview: 1 });
  });

  it("is cached for page loads until a decision (or any audited change) invalidates it", async () => {
    const first = await cachedDecontamReport(thresholds);
    expect(await cachedDecontamReport(thresholds)).toBe(first);
    const reviewer = await userWithRole("reviewer");
    await withSessionClaim(reviewer.claim, () => decideProblemAction({ problemId: ids.twin, decision: "unsure" }));
    const after = await cachedDecontamReport(thresholds);
    expect(after).not.toBe(first);
    expect(after.total.unsure).toBe(first.total.unsure + 1);
    expect(after.total.awaitingReview).toBe(first.total.awaitingReview - 1);
  });

  it("downloads as JSON and Markdown for a signed-in user, and refuses without a session", async () => {
    const viewer = await userWithRole("viewer");
    const json = await withSessionClaim(viewer.claim, () => reportRoute(new Request("http://x/api/decontamination/report?format=json")));
    expect(json.status).toBe(200);
    expect(json.headers.get("content-disposition")).toMatch(/attachment; filename="decontamination-report-.*\.json"/);
    const body = await json.json();
    expect(body.total.checked).toBe(4);
    const md = await withSessionClaim(viewer.claim, () => reportRoute(new Request("http://x/api/decontamination/report?format=md")));
    const text = await md.text();
    expect(text).toContain("| demo-benchmark | 4 | 2 | 1 | 0 | 1 | 1 | 1 | 0 | 0 |");
    const anonymous = await withSessionClaim(null, () => reportRoute(new Request("http://x/api/decontamination/report")));
    expect(anonymous.status).toBe(401);
    const bad = await withSessionClaim(viewer.claim, () => reportRoute(new Request("http://x/api/decontamination/report?format=xml")));
    expect(bad.status).toBe(400);
  });
});
