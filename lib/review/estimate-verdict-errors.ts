// Reads the standing review decisions made in queues (the latest per queue and sample) with each
// sample's verdict and the stratum its queue item was drawn from, and summarises grader errors.
import { pool } from "@/lib/db/pool";
import { type ReviewedCell, summarizeVerdictErrors } from "@/lib/review/summarize-verdict-errors";

export async function estimateVerdictErrors(queueId?: number) {
  const { rows } = await pool().query<{ stratum: string; verdict: string; decision: string; n: string }>(
    `WITH latest AS (
       SELECT DISTINCT ON (a.queue_id, a.sample_id) a.queue_id, a.sample_id, a.decision
       FROM review_annotations a
       WHERE a.superseded_at IS NULL AND a.queue_id IS NOT NULL ${queueId ? "AND a.queue_id = $1" : ""}
       ORDER BY a.queue_id, a.sample_id, a.created_at DESC, a.id DESC
     )
     SELECT COALESCE(ri.stratum, 'unstratified') AS stratum, s.verdict::text AS verdict, l.decision::text AS decision, count(*) AS n
     FROM latest l
     JOIN samples s ON s.id = l.sample_id
     LEFT JOIN LATERAL (SELECT stratum FROM review_items WHERE queue_id = l.queue_id AND sample_id = l.sample_id ORDER BY id LIMIT 1) ri ON true
     GROUP BY 1, 2, 3`,
    queueId ? [queueId] : [],
  );
  const cells: ReviewedCell[] = rows.map((r) => ({ stratum: r.stratum, verdict: r.verdict, decision: r.decision, count: Number(r.n) }));
  return summarizeVerdictErrors(cells);
}
