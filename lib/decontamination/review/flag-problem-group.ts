// Family actions: flag a whole group of problems at once, with the count shown before it runs.
// - "family": every problem descended from a seed (parent_id, recursively; the seed itself is a
//   seed-set problem and is not checked). Given any problem, its seed is its oldest ancestor.
// - "benchmark": every problem with a close pair (exact, or at/above the thresholds) with one
//   benchmark problem.
// Flagging sets "flagged" (suspected; excluded from exports; in the review queue for a person to
// confirm) on problems that are unchecked, clean, candidate or judge_failed. A person's decision
// (contaminated, cleared, unsure) is never overwritten by a group action.
import { recordAudit } from "@/lib/audit/record-audit";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import type { PairThresholds } from "@/lib/decontamination/review/review-filter-sql";
import { NotFoundError, UserFacingError } from "@/lib/errors";

export type ProblemGroup = { kind: "family"; problemId: number } | { kind: "benchmark"; benchmarkId: number };

export interface GroupPreview {
  kind: ProblemGroup["kind"];
  /** The seed (family) or the benchmark problem (benchmark). */
  anchorId: number;
  anchorLabel: string;
  /** Problems in the group. */
  total: number;
  /** Of them, problems whose status would become flagged. */
  willFlag: number;
}

const FLAGGABLE = `('unchecked', 'clean', 'candidate', 'judge_failed')`;

type Db = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

async function seedOf(db: Db, problemId: number): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM problems WHERE id = $1
       UNION ALL SELECT p.id, p.parent_id, up.depth + 1 FROM problems p JOIN up ON p.id = up.parent_id WHERE up.depth < 100
     ) SELECT id FROM up ORDER BY depth DESC LIMIT 1`,
    problemId,
  );
  if (!rows[0]) throw new NotFoundError(`Problem #${problemId}`);
  return rows[0].id;
}

/** SQL selecting the group's problem ids ($1 anchor; $2/$3 thresholds for benchmark groups). */
function groupSql(kind: ProblemGroup["kind"]): string {
  return kind === "family"
    ? `WITH RECURSIVE fam(id) AS (SELECT id FROM problems WHERE parent_id = $1 UNION SELECT p.id FROM problems p JOIN fam ON p.parent_id = fam.id) SELECT id FROM fam`
    : `SELECT DISTINCT problem_id AS id FROM contamination_candidates WHERE benchmark_problem_id = $1 AND (exact OR score >= $2 OR embedding_score >= $3)`;
}

async function anchorOf(db: Db, group: ProblemGroup): Promise<{ id: number; label: string; params: unknown[] }> {
  const id = group.kind === "family" ? await seedOf(db, group.problemId) : group.benchmarkId;
  const rows = await db.$queryRawUnsafe<{ source_key: string; set_name: string }[]>(
    `SELECT p.source_key, s.name AS set_name FROM problems p JOIN problem_sets s ON s.id = p.set_id WHERE p.id = $1`,
    id,
  );
  if (!rows[0]) throw new NotFoundError(group.kind === "family" ? `Problem #${group.problemId}` : `Benchmark problem #${group.benchmarkId}`);
  const label = `${group.kind === "family" ? "seed" : "benchmark problem"} ${rows[0].set_name}/${rows[0].source_key} (#${id})`;
  return { id, label, params: [id] };
}

async function countGroup(db: Db, group: ProblemGroup, t: PairThresholds): Promise<GroupPreview> {
  const anchor = await anchorOf(db, group);
  const params = group.kind === "family" ? [anchor.id] : [anchor.id, t.threshold, t.embeddingThreshold];
  const rows = await db.$queryRawUnsafe<{ total: number; will_flag: number }[]>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE p.contamination_status IN ${FLAGGABLE})::int AS will_flag
     FROM problems p WHERE p.id IN (${groupSql(group.kind)})`,
    ...params,
  );
  return { kind: group.kind, anchorId: anchor.id, anchorLabel: anchor.label, total: rows[0]?.total ?? 0, willFlag: rows[0]?.will_flag ?? 0 };
}

export async function previewGroupFlag(group: ProblemGroup, t: PairThresholds): Promise<GroupPreview> {
  return countGroup(prisma(), group, t);
}

export async function flagProblemGroup(group: ProblemGroup, confirmedCount: number, t: PairThresholds, userId: number): Promise<GroupPreview & { flagged: number }> {
  return prisma().$transaction(async (tx) => {
    const preview = await countGroup(tx, group, t);
    if (preview.total === 0) throw new UserFacingError(`There is nothing to flag: the ${preview.anchorLabel} has no problems in its group.`);
    const params = group.kind === "family" ? [preview.anchorId] : [preview.anchorId, t.threshold, t.embeddingThreshold];
    const flagged = await tx.$executeRawUnsafe(
      `UPDATE problems SET contamination_status = 'flagged' WHERE id IN (${groupSql(group.kind)}) AND contamination_status IN ${FLAGGABLE}`,
      ...params,
    );
    await recordAudit(
      {
        userId,
        action: group.kind === "family" ? "decontam.family.flag" : "decontam.benchmark.flag",
        objectType: "problem",
        objectId: preview.anchorId,
        details: { ...preview, confirmedCount, flagged, ...(group.kind === "benchmark" ? { threshold: t.threshold, embeddingThreshold: t.embeddingThreshold } : {}) },
      },
      tx,
    );
    return { ...preview, flagged };
  });
}
