// The bulk loader: records in, problems and samples out, inside the caller's transaction.
//
// Records are taken in batches (2,000 problems or 20,000 solutions, whichever comes first):
// 1. problems of the batch are hashed and de-duplicated in memory, then inserted with one
//    INSERT ... SELECT FROM unnest(...) ON CONFLICT (set_id, text_hash) DO NOTHING RETURNING;
//    hashes that did not come back already existed (earlier in the file or before this import)
//    and are looked up, so every record maps to a problem id;
// 2. the batch's solutions go straight in with COPY FROM STDIN (no staging copy of the biggest
//    table), with their problem ids filled in: into `samples` for an existing set, or into a new
//    set's own bare table (FREEZE), counted for the insight aggregates (samples-partition.ts).
// Memory is two batches (one being stored, the next being read), whatever the file size.
// Nothing is committed here: the caller owns the transaction, so a throw anywhere leaves the
// database as it was.
import { basename } from "node:path";
import type { PoolClient } from "pg";
import { describeLocation } from "@/lib/datasets/formats/import-error";
import type { Provenance } from "@/lib/datasets/formats/dataset-format";
import type { ImportRecord } from "@/lib/datasets/formats/import-record";
import { problemHash } from "@/lib/datasets/formats/problem-hash";
import { copyColumns } from "@/lib/datasets/import/copy-binary";
import { CopyWriter } from "@/lib/datasets/import/copy-writer";
import type { DuplicateExample } from "@/lib/datasets/import/import-summary";
import { assertStorableRecord, maxFieldChars } from "@/lib/datasets/import/storable-text";
import { countBoxed } from "@/lib/grading/extract";
import { bucketOf, LENGTH_EDGES } from "@/lib/insights/buckets";

export const BATCH_PROBLEMS = 2_000;
export const BATCH_SOLUTIONS = 20_000;
const MAX_DUPLICATE_EXAMPLES = 20;

export interface LoadTarget {
  setId: number;
  /** Name used as the problem source when a record names none (generic files, NeMo-Skills outputs). */
  defaultSource: string;
  importTaskId: number;
  /** Every solution of the import gets this (FORMAT_PROVENANCE of the file's format). */
  provenance: Provenance;
  /** Where solutions are copied: `samples`, or a new set's own table before it is attached. */
  samplesTable?: string;
  /** COPY FREEZE: rows written frozen, for a table created in this transaction (no hint-bit rewrite later). */
  freeze?: boolean;
  /** Count the solutions by problem source and length bucket (`LoadCounts.lengthBuckets`), for a
   * table that will be attached: attached rows fire no trigger to feed the insight aggregates. */
  countLengthBuckets?: boolean;
}

export interface LoadCounts {
  records: number;
  problemsInserted: number;
  duplicates: number;
  duplicatesWithOtherAnswer: number;
  duplicateExamples: DuplicateExample[];
  solutionsInserted: number;
  solutionsOnDuplicates: number;
  solutionsWithFileVerdict: number;
  problemsWithoutGold: number;
  /** With `countLengthBuckets`: "source\u0000bucket" -> solutions. */
  lengthBuckets: Map<string, number>;
}

interface PendingProblem {
  record: ImportRecord;
  hash: string;
  /** Solutions of every record of this batch with this hash. */
  solutionCount: number;
}

// An enum's binary form is its label's text (provenance).
const SAMPLE_COLUMNS = copyColumns({
  problem_id: "int4", set_id: "int4", import_task_id: "int4", sample_index: "int4", text: "text", file_verdict: "bool", file_verdict_source: "text",
  completion_tokens: "int4", seed: "int4", char_length: "int4", boxed_count: "int4", provenance: "text",
});

const GOLD_SOURCE = { dataset: "dataset", "majority-vote": "majority_vote" } as const;

function where(record: ImportRecord): string {
  return `${basename(record.location.file)}${describeLocation(record.location)}`;
}

export async function loadRecords(
  client: PoolClient,
  records: AsyncIterable<ImportRecord>,
  target: LoadTarget,
  onBatch: (counts: LoadCounts) => void = () => {},
): Promise<LoadCounts> {
  const counts: LoadCounts = {
    records: 0,
    problemsInserted: 0,
    duplicates: 0,
    duplicatesWithOtherAnswer: 0,
    duplicateExamples: [],
    solutionsInserted: 0,
    solutionsOnDuplicates: 0,
    solutionsWithFileVerdict: 0,
    problemsWithoutGold: 0,
    lengthBuckets: new Map(),
  };
  // While PostgreSQL stores one batch, the next is read and parsed: one batch in flight at a time,
  // so batches still reach the database in file order (duplicates resolve to the first occurrence).
  let inFlight: Promise<void> | null = null;
  const submit = async (records: ImportRecord[]) => {
    if (inFlight) await inFlight;
    inFlight = loadBatch(client, records, target, counts).then(() => onBatch(counts));
    // Rejections surface at the next submit or at the end; this only stops an "unhandled" report.
    inFlight.catch(() => {});
  };
  let batch: ImportRecord[] = [];
  let batchSolutions = 0;
  const fieldLimit = maxFieldChars();
  try {
    for await (const record of records) {
      assertStorableRecord(record, "solution", fieldLimit);
      batch.push(record);
      batchSolutions += record.solutions.length;
      counts.records++;
      if (batch.length >= BATCH_PROBLEMS || batchSolutions >= BATCH_SOLUTIONS) {
        await submit(batch);
        batch = [];
        batchSolutions = 0;
      }
    }
    if (batch.length > 0) await submit(batch);
    if (inFlight) await inFlight;
  } finally {
    // A bad record later in the file must not leave a batch writing while the caller rolls back:
    // its statements would run after the ROLLBACK, outside the transaction.
    if (inFlight) await (inFlight as Promise<void>).catch(() => {});
  }
  return counts;
}

function noteDuplicate(counts: LoadCounts, record: ImportRecord, existingId: number, existingGold: string | null): void {
  counts.duplicates++;
  const answerDiffers = record.goldAnswer != null && existingGold != null && record.goldAnswer.trim() !== existingGold.trim();
  if (answerDiffers) counts.duplicatesWithOtherAnswer++;
  if (counts.duplicateExamples.length < MAX_DUPLICATE_EXAMPLES) {
    counts.duplicateExamples.push({ where: where(record), sourceKey: record.sourceKey, existingProblemId: existingId, answerDiffers });
  }
}

async function loadBatch(client: PoolClient, batch: ImportRecord[], target: LoadTarget, counts: LoadCounts): Promise<void> {
  // 1. Unique problems of the batch, first occurrence wins.
  const byHash = new Map<string, PendingProblem>();
  const hashes: string[] = [];
  for (const record of batch) {
    const hash = problemHash(record.problem);
    hashes.push(hash);
    const pending = byHash.get(hash);
    if (pending) {
      pending.solutionCount += record.solutions.length;
    } else byHash.set(hash, { record, hash, solutionCount: record.solutions.length });
  }
  const unique = [...byHash.values()];
  const column = <T>(pick: (p: PendingProblem) => T) => unique.map(pick);
  const inserted = await client.query<{ id: number; text_hash: string }>(
    `INSERT INTO problems (set_id, text, text_hash, source_key, source, level, subject, gold_answer, gold_source,
                           majority_votes, total_votes, agreement, sample_count)
     SELECT $1, u.text, u.text_hash, u.source_key, u.source, u.level, u.subject, u.gold_answer, u.gold_source::"GoldSource",
            u.majority_votes, u.total_votes,
            CASE WHEN u.total_votes > 0 THEN u.majority_votes::float8 / u.total_votes END, u.sample_count
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::int[], $11::int[], $12::int[])
         AS u(text, text_hash, source_key, source, level, subject, gold_answer, gold_source, majority_votes, total_votes, sample_count)
     ON CONFLICT (set_id, text_hash) DO NOTHING
     RETURNING id, text_hash`,
    [
      target.setId,
      column((p) => p.record.problem),
      column((p) => p.hash),
      column((p) => p.record.sourceKey),
      column((p) => p.record.problemSource || target.defaultSource),
      column((p) => p.record.metadata.level ?? null),
      column((p) => p.record.metadata.subject ?? null),
      column((p) => p.record.goldAnswer),
      column((p) => (p.record.goldSource ? GOLD_SOURCE[p.record.goldSource] : "none")),
      column((p) => p.record.majorityVotes ?? null),
      column((p) => p.record.totalVotes ?? null),
      column((p) => p.solutionCount),
    ],
  );
  const ids = new Map<string, number>();
  for (const row of inserted.rows) ids.set(row.text_hash, row.id);
  counts.problemsInserted += inserted.rows.length;

  // 2. Problems that were already there: look them up, count the duplicates, bump their counters.
  const existingHashes = unique.filter((p) => !ids.has(p.hash)).map((p) => p.hash);
  const existingGold = new Map<string, string | null>();
  const existingSource = new Map<string, string>();
  if (existingHashes.length > 0) {
    const found = await client.query<{ id: number; text_hash: string; gold_answer: string | null; source: string }>(
      "SELECT id, text_hash, gold_answer, source FROM problems WHERE set_id = $1 AND text_hash = ANY($2::text[])",
      [target.setId, existingHashes],
    );
    for (const row of found.rows) {
      ids.set(row.text_hash, row.id);
      existingGold.set(row.text_hash, row.gold_answer);
      existingSource.set(row.text_hash, row.source);
    }
    const bumped = unique.filter((p) => existingGold.has(p.hash) && p.solutionCount > 0);
    if (bumped.length > 0) {
      await client.query(
        `UPDATE problems SET sample_count = problems.sample_count + v.n
           FROM unnest($1::int[], $2::int[]) AS v(id, n) WHERE problems.id = v.id`,
        [bumped.map((p) => ids.get(p.hash)), bumped.map((p) => p.solutionCount)],
      );
    }
  }
  // Duplicates are noted in file order, so the examples read like the file.
  for (let i = 0; i < batch.length; i++) {
    const record = batch[i];
    const hash = hashes[i];
    const id = ids.get(hash) as number;
    const first = byHash.get(hash)?.record === record;
    if (first && !existingGold.has(hash)) {
      if (record.goldAnswer == null) counts.problemsWithoutGold++;
      continue;
    }
    const gold = existingGold.has(hash) ? (existingGold.get(hash) ?? null) : ((byHash.get(hash) as PendingProblem).record.goldAnswer ?? null);
    noteDuplicate(counts, record, id, gold);
  }

  // 3. Solutions, straight into samples.
  const copy = new CopyWriter(client, { table: target.samplesTable ?? "samples", columns: SAMPLE_COLUMNS, freeze: target.freeze });
  for (let i = 0; i < batch.length; i++) {
    const record = batch[i];
    const hash = hashes[i];
    const problemId = ids.get(hash) as number;
    const onDuplicate = existingGold.has(hash) || byHash.get(hash)?.record !== record;
    // The source the solution's problem is stored with: the first record's, or the stored problem's.
    const source = existingSource.get(hash) ?? ((byHash.get(hash) as PendingProblem).record.problemSource || target.defaultSource);
    for (const solution of record.solutions) {
      if (solution.fileVerdict != null) counts.solutionsWithFileVerdict++;
      if (onDuplicate) counts.solutionsOnDuplicates++;
      if (target.countLengthBuckets) {
        const key = `${source}\u0000${bucketOf(LENGTH_EDGES, solution.text.length)}`;
        counts.lengthBuckets.set(key, (counts.lengthBuckets.get(key) ?? 0) + 1);
      }
      // Awaited only when a full buffer waits for the socket: a million awaits cost ~0.3 s.
      const full = copy.write([
        problemId,
        target.setId,
        target.importTaskId,
        solution.sampleIndex,
        solution.text,
        solution.fileVerdict ?? null,
        solution.fileVerdict == null ? null : (solution.fileVerdictSource ?? null),
        solution.generatedTokens ?? null,
        solution.seed ?? null,
        solution.text.length,
        countBoxed(solution.text),
        target.provenance,
      ]);
      if (full) await full;
    }
  }
  counts.solutionsInserted += await copy.end();
}
