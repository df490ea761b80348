// Everything the problem page shows: the problem, its gold answer and origin, its samples grouped
// by answer class (a problem has tens to hundreds of samples, so grouping them is cheap through
// the (problem_id, answer_key) index), its lineage, contamination evidence and review history.
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { readTextHead } from "@/lib/solutions/long-text";

export interface AnswerClass {
  answerKey: string;
  example: string | null;
  count: number;
  equal: number;
}

export async function findProblemDetail(id: number) {
  // The problem's own text is read up to TEXT_PREVIEW_CHARS: `problem.text` is that head and
  // `textHead` says whether there is more (lib/solutions/long-text.ts).
  const found = await prisma().problem.findUnique({
    where: { id },
    omit: { text: true },
    include: {
      set: { select: { id: true, name: true, role: true } },
      parent: { select: { id: true, text: true, set: { select: { name: true } } } },
      createdByBatch: { select: { id: true, name: true } },
    },
  });
  if (!found) return null;
  const textHead = (await readTextHead("problem", id)) ?? { head: "", bytes: 0, truncated: false };
  const problem = { ...found, text: textHead.head };
  const db = pool();
  const [classes, children, childCount, siblings, siblingCount, candidates, matches, decisions, history] = await Promise.all([
    db.query<{ answer_key: string; example: string | null; n: number; equal: number }>(
      `SELECT COALESCE(answer_key, '') AS answer_key, min(left(extracted_answer, 300)) AS example, count(*)::int AS n,
              count(*) FILTER (WHERE verdict = 'equal')::int AS equal
       FROM samples WHERE problem_id = $1 GROUP BY 1 ORDER BY n DESC, answer_key LIMIT 200`,
      [id],
    ),
    prisma().problem.findMany({ where: { parentId: id }, select: { id: true, text: true, source: true }, orderBy: { id: "asc" }, take: 20 }),
    prisma().problem.count({ where: { parentId: id } }),
    problem.parentId === null
      ? Promise.resolve([])
      : prisma().problem.findMany({ where: { parentId: problem.parentId, NOT: { id } }, select: { id: true, text: true, source: true }, orderBy: { id: "asc" }, take: 20 }),
    problem.parentId === null ? Promise.resolve(0) : prisma().problem.count({ where: { parentId: problem.parentId, NOT: { id } } }),
    prisma().contaminationCandidate.findMany({
      where: { problemId: id },
      orderBy: [{ rank: "asc" }],
      take: 20,
      include: { benchmark: { select: { id: true, text: true, set: { select: { name: true } } } } },
    }),
    prisma().contaminationCandidate.findMany({
      where: { benchmarkProblemId: id },
      orderBy: [{ score: "desc" }],
      take: 20,
      include: { problem: { select: { id: true, text: true, set: { select: { name: true } } } } },
    }),
    prisma().contaminationDecision.findMany({ where: { problemId: id }, orderBy: { createdAt: "desc" }, take: 50, include: { user: { select: { name: true, email: true } } } }),
    db.query<{ id: number; sample_id: number; decision: string; note: string | null; created_at: Date; superseded_at: Date | null; reviewer: string | null; queue_name: string | null }>(
      `SELECT a.id, a.sample_id, a.decision::text, a.note, a.created_at, a.superseded_at, COALESCE(u.name, u.email) AS reviewer, q.name AS queue_name
       FROM review_annotations a JOIN samples s ON s.id = a.sample_id
       LEFT JOIN users u ON u.id = a.user_id LEFT JOIN review_queues q ON q.id = a.queue_id
       WHERE s.problem_id = $1 ORDER BY a.created_at DESC, a.id DESC LIMIT 50`,
      [id],
    ),
  ]);
  const answerClasses: AnswerClass[] = classes.rows.map((r) => ({ answerKey: r.answer_key, example: r.example, count: r.n, equal: r.equal }));
  return { problem, textHead, answerClasses, children, childCount, siblings, siblingCount, candidates, matches, decisions, history: history.rows };
}

export type ProblemDetail = NonNullable<Awaited<ReturnType<typeof findProblemDetail>>>;

/** Samples of one answer class of a problem ("" = no answer), for the problem page's list. */
export async function findClassSamples(problemId: number, answerKey: string, limit = 50) {
  const { rows } = await pool().query<{ id: number; head: string; verdict: string; review_status: string; char_length: number; model: string | null }>(
    `SELECT id, left(text, 300) AS head, verdict::text, review_status::text, char_length, model FROM samples
     WHERE problem_id = $1 AND COALESCE(answer_key, '') = $2 ORDER BY id LIMIT $3`,
    [problemId, answerKey, limit],
  );
  return rows;
}
