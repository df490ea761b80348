// One problem of the decontamination review queue with everything a reviewer weighs: its nearest
// benchmark problems (texts, scores, shared n-grams and numbers, judge answers per order, a word
// diff), its seed, and the decisions made on it so far. And the queue's keyset navigation:
// the next/previous problem after a (status, id) position, one indexed lookup per status.
import { pool } from "@/lib/db/pool";
import { type PairThresholds, reviewConditionsSql } from "@/lib/decontamination/review/review-filter-sql";
import { QUEUE_ORDER, type ReviewFilter } from "@/lib/decontamination/review/review-filter";
import { type DiffPart, wordDiff } from "@/lib/decontamination/word-diff";
import type { ContaminationName } from "@/lib/solutions/solution-view";

export const MAX_SHOWN_CANDIDATES = 20;

export interface JudgeReply {
  text: string | null;
  why?: string;
  batchId?: number;
}

export interface ReviewCandidate {
  id: number;
  benchmarkId: number;
  benchmarkSet: string;
  benchmarkKey: string;
  benchmarkText: string;
  benchmarkAnswer: string | null;
  rank: number;
  score: number;
  embeddingScore: number | null;
  exact: boolean;
  exactKind: string | null;
  close: boolean;
  sharedNgrams: string[];
  sharedNumbers: string[];
  views: Record<string, number>;
  judgeForward: string | null;
  judgeBackward: string | null;
  judgeReplies: { forward?: JudgeReply; backward?: JudgeReply };
  /** del = only in the synthesized problem, add = only in the benchmark problem. */
  diff: DiffPart[];
}

export interface ReviewDecisionRow {
  id: number;
  decision: string;
  note: string | null;
  userId: number | null;
  user: string | null;
  createdAt: string;
  undoneAt: string | null;
}

export interface ReviewProblem {
  id: number;
  text: string;
  setId: number;
  setName: string;
  sourceKey: string;
  source: string;
  goldAnswer: string | null;
  status: ContaminationName;
  parentId: number | null;
  candidates: ReviewCandidate[];
  decisions: ReviewDecisionRow[];
}

export async function findReviewProblem(problemId: number, t: PairThresholds): Promise<ReviewProblem | null> {
  const db = pool();
  const { rows } = await db.query<{ id: number; text: string; set_id: number; set_name: string; source_key: string; source: string; gold_answer: string | null; status: ContaminationName; parent_id: number | null }>(
    `SELECT p.id, p.text, p.set_id, s.name AS set_name, p.source_key, p.source, p.gold_answer, p.contamination_status::text AS status, p.parent_id
     FROM problems p JOIN problem_sets s ON s.id = p.set_id WHERE p.id = $1`,
    [problemId],
  );
  const p = rows[0];
  if (!p) return null;
  const candidates = await db.query<{
    id: number;
    benchmark_problem_id: number;
    set_name: string;
    source_key: string;
    text: string;
    gold_answer: string | null;
    rank: number;
    score: number;
    embedding_score: number | null;
    exact: boolean;
    evidence: { sharedNgrams?: string[]; sharedNumbers?: string[]; views?: Record<string, number>; exactKind?: string };
    judge_forward: string | null;
    judge_backward: string | null;
    judge_raw: { forward?: JudgeReply; backward?: JudgeReply } | null;
  }>(
    `SELECT c.id, c.benchmark_problem_id, s.name AS set_name, b.source_key, b.text, b.gold_answer, c.rank, c.score, c.embedding_score, c.exact, c.evidence,
            c.judge_forward::text, c.judge_backward::text, c.judge_raw
     FROM contamination_candidates c JOIN problems b ON b.id = c.benchmark_problem_id JOIN problem_sets s ON s.id = b.set_id
     WHERE c.problem_id = $1 ORDER BY c.exact DESC, c.score DESC, c.embedding_score DESC NULLS LAST, c.id LIMIT ${MAX_SHOWN_CANDIDATES}`,
    [problemId],
  );
  const decisions = await db.query<{ id: number; decision: string; note: string | null; user_id: number | null; user: string | null; created_at: Date; undone_at: Date | null }>(
    `SELECT d.id, d.decision::text, d.note, d.user_id, COALESCE(u.name, u.email) AS user, d.created_at, d.undone_at
     FROM contamination_decisions d LEFT JOIN users u ON u.id = d.user_id WHERE d.problem_id = $1 ORDER BY d.created_at DESC, d.id DESC LIMIT 20`,
    [problemId],
  );
  return {
    id: p.id,
    text: p.text,
    setId: p.set_id,
    setName: p.set_name,
    sourceKey: p.source_key,
    source: p.source,
    goldAnswer: p.gold_answer,
    status: p.status,
    parentId: p.parent_id,
    candidates: candidates.rows.map((c) => ({
      id: c.id,
      benchmarkId: c.benchmark_problem_id,
      benchmarkSet: c.set_name,
      benchmarkKey: c.source_key,
      benchmarkText: c.text,
      benchmarkAnswer: c.gold_answer,
      rank: c.rank,
      score: c.score,
      embeddingScore: c.embedding_score,
      exact: c.exact,
      exactKind: c.evidence?.exactKind ?? null,
      close: c.exact || c.score >= t.threshold || (c.embedding_score !== null && c.embedding_score >= t.embeddingThreshold),
      sharedNgrams: c.evidence?.sharedNgrams ?? [],
      sharedNumbers: c.evidence?.sharedNumbers ?? [],
      views: c.evidence?.views ?? {},
      judgeForward: c.judge_forward,
      judgeBackward: c.judge_backward,
      judgeReplies: c.judge_raw ?? {},
      diff: wordDiff(p.text, c.text),
    })),
    decisions: decisions.rows.map((d) => ({
      id: d.id,
      decision: d.decision,
      note: d.note,
      userId: d.user_id,
      user: d.user,
      createdAt: d.created_at.toISOString(),
      undoneAt: d.undone_at?.toISOString() ?? null,
    })),
  };
}

export interface QueuePosition {
  status: ContaminationName;
  id: number;
}

/** The next (or previous) problem of the queue after `from` (null: the start or the end). */
export async function findQueueNeighbour(filter: ReviewFilter, from: QueuePosition | null, direction: "next" | "prev", t: PairThresholds): Promise<QueuePosition | null> {
  const statuses = QUEUE_ORDER.filter((s) => filter.statuses.includes(s));
  const ordered = direction === "next" ? statuses : [...statuses].reverse();
  let startAt = 0;
  if (from) {
    const at = ordered.indexOf(from.status);
    // A problem whose status left the filter (just decided): continue from where its status stood in the queue order.
    startAt = at >= 0 ? at : ordered.findIndex((s) => (QUEUE_ORDER.indexOf(s) - QUEUE_ORDER.indexOf(from.status)) * (direction === "next" ? 1 : -1) > 0);
    if (startAt < 0) return null;
  }
  for (let i = startAt; i < ordered.length; i++) {
    const status = ordered[i];
    const params: unknown[] = [status];
    const conditions = [`p.contamination_status = $1::"ContaminationStatus"`, ...reviewConditionsSql(filter, params, t)];
    if (from && status === from.status) {
      params.push(from.id);
      conditions.push(`p.id ${direction === "next" ? ">" : "<"} $${params.length}`);
    }
    const { rows } = await pool().query<{ id: number }>(
      `SELECT p.id FROM problems p WHERE ${conditions.join(" AND ")} ORDER BY p.id ${direction === "next" ? "ASC" : "DESC"} LIMIT 1`,
      params,
    );
    if (rows[0]) return { status, id: rows[0].id };
  }
  return null;
}

/** Whether a problem is in the filter's queue (its current status and pairs). */
export async function isInQueue(filter: ReviewFilter, problemId: number, t: PairThresholds): Promise<boolean> {
  const params: unknown[] = [problemId, filter.statuses];
  const conditions = ["p.id = $1", `p.contamination_status::text = ANY($2::text[])`, ...reviewConditionsSql(filter, params, t)];
  const { rows } = await pool().query(`SELECT 1 FROM problems p WHERE ${conditions.join(" AND ")}`, params);
  return rows.length > 0;
}
