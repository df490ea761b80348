// New problems from seeds (recipe section 2): each reply parsed into a problem of a synthetic
// target set (created when missing), deduplicated by text, linked to its seed.
import { problemHash } from "@/lib/datasets/formats/problem-hash";
import { prisma } from "@/lib/db/prisma";
import { UserFacingError } from "@/lib/errors";
import type { FlushDb } from "@/lib/generation/batch-kinds/batch-kind";
import { sampleKind } from "@/lib/generation/batch-kinds/sample-kinds";
import type { StatsDelta } from "@/lib/generation/batches/batch-stats";
import { parseNewProblem } from "@/lib/generation/prompts/parse-new-problem";
import { isGsm8kSource } from "@/lib/generation/templates/choose-few-shot";
import type { BatchSettings } from "@/lib/generation/worker/load-batch-context";
import type { SuccessItem } from "@/lib/generation/worker/result-item";
import { withoutNul } from "@/lib/generation/worker/without-nul";

const augmentedSource = (source: string) => (source.startsWith("augmented_") ? source : `augmented_${source}`);

async function writeNewProblems(db: FlushDb, ctx: BatchSettings, landed: SuccessItem[]): Promise<StatsDelta> {
  const rejected: Record<string, number> = {};
  const rows: { text: string; hash: string; key: string; source: string; parent: number }[] = [];
  for (const item of landed) {
    const parsed = parseNewProblem(withoutNul(item.text), { original: item.request.problemText, finishReason: item.finishReason });
    if (!parsed.ok) {
      rejected[parsed.reason] = (rejected[parsed.reason] ?? 0) + 1;
      continue;
    }
    rows.push({
      text: parsed.problem,
      hash: problemHash(parsed.problem),
      key: `batch-${ctx.id}:${item.request.problemId}:${item.request.sampleIndex}`,
      source: augmentedSource(item.request.source),
      parent: item.request.problemId,
    });
  }
  let created = 0;
  if (rows.length && ctx.targetSetId !== null) {
    const result = await db.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO problems (set_id, text, text_hash, source_key, source, parent_id, created_by_batch_id, gold_source)
         SELECT $1, d.text, d.hash, d.key, d.source, d.parent, $2, 'none' FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int[]) AS d(text, hash, key, source, parent)
         ON CONFLICT (set_id, text_hash) DO NOTHING RETURNING 1
       ), n AS (SELECT count(*)::int AS n FROM ins), counted AS (
         UPDATE problem_sets s SET problem_count = s.problem_count + n.n FROM n WHERE s.id = $1 AND n.n > 0 RETURNING 1
       ) SELECT n.n, (SELECT count(*) FROM counted) AS touched FROM n`,
      [ctx.targetSetId, ctx.id, rows.map((r) => r.text), rows.map((r) => r.hash), rows.map((r) => r.key), rows.map((r) => r.source), rows.map((r) => r.parent)],
    );
    created = result.rows[0]?.n ?? 0;
  }
  return { problems: { created, duplicate: rows.length - created, rejected } };
}

export const problemsKind = sampleKind({
  name: "problems",
  title: "New problems from seeds",
  templateKinds: ["problem-inspired", "problem-similar"],
  // The recipe used 80 and 10 new problems per seed.
  defaultSamples: 4,
  problems: { described: "every problem of the set, as seeds", where: "" },
  // GSM8K seeds get "similar" problems, MATH seeds "inspired" ones, as in the recipe.
  async defaultTemplateName(setId) {
    const first = await prisma().problem.findFirst({ where: { setId }, orderBy: { id: "asc" }, select: { source: true } });
    return isGsm8kSource(first?.source) ? "openmath-similar-problem" : "openmath-inspired-problem";
  },
  planParts(input, set) {
    if (input.targetSet === set.name) throw new UserFacingError("The target set must differ from the seed set.", "name another --target-set");
    return { targetSetName: input.targetSet ?? `${set.name}-augmented` };
  },
  // Replies become problems of the target set, not solutions: no typical solution length either.
  typicalCompletionsFromSet: false,
  storesSamples: false,
  land: (db, ctx, landed) => writeNewProblems(db, ctx, landed),
});
