// Stores one chunk of retrieval results and moves the problems' statuses, in the caller's
// transaction. Candidates are upserted on (problem_id, benchmark_problem_id): a re-run updates
// rank, scores and evidence of the pairs it finds again and keeps their judge answers (the pair's
// texts have not changed). Pairs a re-run no longer finds stay, with their judge answers: a
// similar pair found once remains a fact, and deleting candidates would cascade into the
// batch requests of judge batches.
//
// Status rules (docs/decontamination.md, "Statuses"): an exact match flags the problem at once
// (flagged, no judge; a person confirms); a pair at or above the threshold makes it a candidate;
// otherwise it is clean (checked, nothing close). Statuses a person set (contaminated, cleared,
// unsure), and flagged ones, are never changed here; judge_failed only moves up to flagged.
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { CandidateRow } from "@/lib/decontamination/pipeline/merge-candidates";

export interface RetrievalThresholds {
  /** Lexical score at or above which a pair makes its problem a candidate (and goes to the judge). */
  threshold: number;
  /** The same for the embedding cosine, when an embeddings endpoint is used. */
  embeddingThreshold: number;
}

export interface ChunkOutcome {
  pairs: number;
  exact: number;
  near: number;
  clean: number;
  /** Problems whose status was left alone (decided by a person, or already flagged). */
  kept: number;
}

/** The staging table: session-local, created and dropped inside the caller's transaction. */
const STAGE = "decontam_candidate_stage";
/** Bytes of COPY text per write (the stream waits for the socket in between). */
const COPY_PIECE = 1 << 19;

/** One pair as a line of COPY's text format (tab-separated, \N for NULL, backslashes doubled). */
function copyLine(problemId: number, r: CandidateRow): string {
  const evidence = JSON.stringify(r.evidence).replaceAll("\\", "\\\\");
  return `${problemId}\t${r.benchmarkId}\t${r.rank}\t${r.score}\t${r.embeddingScore ?? "\\N"}\t${r.exact ? "t" : "f"}\t${evidence}\n`;
}

async function copyRows(client: PoolClient, results: { problemId: number; rows: CandidateRow[] }[]): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${STAGE} (problem_id, benchmark_problem_id, rank, score, embedding_score, exact, evidence) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  done.catch(() => {});
  let pairs = 0;
  let piece = "";
  const send = async (text: string) => {
    if (!stream.write(text)) await new Promise<void>((resolve, reject) => {
      stream.once("drain", resolve);
      stream.once("error", reject);
    });
  };
  for (const { problemId, rows } of results) {
    for (const r of rows) {
      piece += copyLine(problemId, r);
      pairs++;
    }
    if (piece.length >= COPY_PIECE) {
      await send(piece);
      piece = "";
    }
  }
  if (piece) await send(piece);
  stream.end();
  await done;
  return pairs;
}

export async function storeCandidates(client: PoolClient, results: { problemId: number; rows: CandidateRow[] }[], thresholds: RetrievalThresholds): Promise<ChunkOutcome> {
  // The pairs go to a temporary table by COPY (no per-row statement, no parameter arrays), then
  // into contamination_candidates in one set-based upsert, in key order (the unique index is
  // walked forwards, not at random).
  await client.query(
    `CREATE TEMP TABLE ${STAGE} (problem_id int NOT NULL, benchmark_problem_id int NOT NULL, rank int NOT NULL, score float8 NOT NULL,
       embedding_score float8, exact bool NOT NULL, evidence jsonb NOT NULL)`,
  );
  const pairs = await copyRows(client, results);
  if (pairs) {
    await client.query(
      `INSERT INTO contamination_candidates (problem_id, benchmark_problem_id, rank, score, embedding_score, exact, evidence)
       SELECT problem_id, benchmark_problem_id, rank, score, embedding_score, exact, evidence FROM ${STAGE} ORDER BY problem_id, benchmark_problem_id
       ON CONFLICT (problem_id, benchmark_problem_id) DO UPDATE SET rank = EXCLUDED.rank, score = EXCLUDED.score,
         embedding_score = EXCLUDED.embedding_score, exact = EXCLUDED.exact, evidence = EXCLUDED.evidence`,
    );
  }
  await client.query(`DROP TABLE ${STAGE}`);
  const { rows } = await client.query<{ status: string; applies: boolean; n: number }>(
    `WITH agg AS (
       SELECT x.id, bool_or(c.exact) AS exact, bool_or(c.score >= $2 OR c.embedding_score >= $3) AS near
       FROM unnest($1::int[]) AS x(id) LEFT JOIN contamination_candidates c ON c.problem_id = x.id
       GROUP BY x.id
     ), next AS (
       SELECT id, CASE WHEN exact THEN 'flagged' WHEN near THEN 'candidate' ELSE 'clean' END AS status FROM agg
     ), upd AS (
       UPDATE problems p SET contamination_status = next.status::"ContaminationStatus"
       FROM next WHERE p.id = next.id AND p.contamination_status::text <> next.status
         AND (p.contamination_status IN ('unchecked', 'clean', 'candidate') OR (p.contamination_status = 'judge_failed' AND next.status = 'flagged'))
       RETURNING p.id
     )
     SELECT n.status, (p.contamination_status IN ('unchecked', 'clean', 'candidate') OR (p.contamination_status = 'judge_failed' AND n.status = 'flagged')
              OR p.contamination_status::text = n.status) AS applies, count(*)::int AS n
     FROM next n JOIN problems p ON p.id = n.id GROUP BY 1, 2`,
    [results.map((r) => r.problemId), thresholds.threshold, thresholds.embeddingThreshold],
  );
  const outcome: ChunkOutcome = { pairs, exact: 0, near: 0, clean: 0, kept: 0 };
  for (const r of rows) {
    if (!r.applies) outcome.kept += r.n;
    else if (r.status === "flagged") outcome.exact += r.n;
    else if (r.status === "candidate") outcome.near += r.n;
    else outcome.clean += r.n;
  }
  return outcome;
}
