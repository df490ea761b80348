// Solutions + majority-vote labels for synthetic problems (recipe section 3): solutions are kept
// ungraded until every request of their problem has settled, then the vote labels the problem and
// grades them (label-problems.ts), in the flush's transaction.
import type pg from "pg";
import { UserFacingError } from "@/lib/errors";
import { SOLUTION_TEMPLATES, sampleKind } from "@/lib/generation/batch-kinds/sample-kinds";
import { labelSettledProblems } from "@/lib/generation/worker/label-problems";

export const labelKind = sampleKind({
  name: "label",
  title: "Solutions + majority-vote labels for synthetic problems",
  checkSet(set) {
    if (set.role !== "synthetic") {
      throw new UserFacingError(`Set "${set.name}" is a ${set.role} set; label batches vote answers for synthetic problems.`, "choose a synthetic set, or run a solutions batch on problems with known answers");
    }
  },
  ...SOLUTION_TEMPLATES,
  // The recipe voted over 32 solutions.
  defaultSamples: 32,
  problems: { described: "problems of the set without a dataset answer", where: "AND gold_source <> 'dataset'" },
  grading: "vote",
  // The vote must see every sample of a problem: the problems are locked first (by id, the same
  // order in every flush), so the last two results of a problem cannot both miss each other.
  lockProblemsFirst: true,
  async land(db, ctx, landed, finalFailures) {
    const problems = [...new Set([...landed, ...finalFailures].map((i) => i.request.problemId))];
    const labels = await labelSettledProblems(db as pg.PoolClient, ctx.id, problems);
    if (labels.graded || labels.correct) {
      await db.query(`UPDATE generation_batches SET correct_count = correct_count + $2 WHERE id = $1`, [ctx.id, labels.correct]);
      await db.query(`UPDATE problem_sets SET graded_count = graded_count + $2, correct_count = correct_count + $3 WHERE id = $1`, [ctx.setId, labels.graded, labels.correct]);
    }
    return { labels: labels.labels };
  },
});
