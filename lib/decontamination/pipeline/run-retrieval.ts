// Stage 1 over a whole synthetic set: stream its problems in keyset chunks (id order), retrieve
// each one's top-k benchmark problems, store them and move the statuses, chunk by chunk. Memory
// is the benchmark index plus one chunk, whatever the set's size. Storing chunk n overlaps with
// retrieving chunk n+1 (the database works while this process computes).
import { pool } from "@/lib/db/pool";
import { embeddingCosine, embeddingTopK } from "@/lib/decontamination/embedding-top-k";
import { createEmbeddingRetriever, type EmbeddingRetriever, findEmbeddingEndpoint } from "@/lib/decontamination/pipeline/embedding-retriever";
import { loadBenchmarkIndex } from "@/lib/decontamination/pipeline/load-benchmark-index";
import { type CandidateRow, type EmbeddingHit, mergeCandidates } from "@/lib/decontamination/pipeline/merge-candidates";
import { resolveDecontamSets } from "@/lib/decontamination/pipeline/resolve-decontam-sets";
import { type ChunkOutcome, storeCandidates } from "@/lib/decontamination/pipeline/store-candidates";
import { DEFAULT_FLAG_THRESHOLD, DEFAULT_TOP_K, retrieveCandidates } from "@/lib/decontamination/retrieve";
import { UserFacingError } from "@/lib/errors";

/** Embedding cosine at or above which a pair also counts as close. Not calibrated (see docs). */
export const DEFAULT_EMBEDDING_THRESHOLD = 0.9;
export const RETRIEVAL_CHUNK = 1_000;

export interface RetrievalSettings {
  problemSet: string | number;
  against: (string | number)[];
  topK?: number;
  threshold?: number;
  embeddingEndpoint?: string | number | null;
  embeddingThreshold?: number;
}

/** One line of `decontam retrieve --out`: the candidates in score order. */
export interface RetrievalLine {
  problem: string;
  candidates: { benchmark: string; key: string; score: number; embeddingScore?: number; exact?: true }[];
}

export interface RetrievalHooks {
  onProgress?(progress: { done: number; total: number }): void;
  onLine?(line: RetrievalLine): void;
  /** Asked between chunks; true stops the run (the chunks stored so far stay). */
  shouldStop?(): Promise<boolean>;
  log?(line: string): void;
}

export interface RetrievalSummary {
  problemSet: string;
  against: string[];
  topK: number;
  threshold: number;
  embeddingEndpoint: string | null;
  embeddingThreshold: number | null;
  checked: number;
  total: number;
  pairs: number;
  /** Problems flagged by an exact match (no judge). */
  exact: number;
  /** Problems with a pair at or above the threshold: the judge's work. */
  near: number;
  clean: number;
  /** Problems whose status a person (or an earlier flag) set, left as they were. */
  kept: number;
  indexSize: number;
  seconds: number;
  stopped: boolean;
}

export function checkRetrievalNumbers(topK: number, threshold: number, embeddingThreshold: number): void {
  if (!Number.isInteger(topK) || topK < 1 || topK > 100) throw new UserFacingError(`top-k must be a whole number from 1 to 100 (got ${topK}).`);
  if (!(threshold >= 0 && threshold <= 1)) throw new UserFacingError(`The threshold must be between 0 and 1 (got ${threshold}).`);
  if (!(embeddingThreshold >= -1 && embeddingThreshold <= 1)) throw new UserFacingError(`The embedding threshold must be between -1 and 1 (got ${embeddingThreshold}).`);
}

export async function runRetrieval(settings: RetrievalSettings, hooks: RetrievalHooks = {}): Promise<RetrievalSummary> {
  const started = Date.now();
  const topK = settings.topK ?? DEFAULT_TOP_K;
  const threshold = settings.threshold ?? DEFAULT_FLAG_THRESHOLD;
  const embeddingThreshold = settings.embeddingThreshold ?? DEFAULT_EMBEDDING_THRESHOLD;
  checkRetrievalNumbers(topK, threshold, embeddingThreshold);
  const { problemSet, benchmarkSets } = await resolveDecontamSets(settings.problemSet, settings.against);
  const endpoint = settings.embeddingEndpoint != null ? await findEmbeddingEndpoint(settings.embeddingEndpoint) : null;
  const index = await loadBenchmarkIndex(benchmarkSets);
  if (index.size === 0) throw new UserFacingError(`The benchmark sets ${benchmarkSets.map((s) => `"${s.name}"`).join(", ")} have no problems.`, "import the test problems first");
  hooks.log?.(`index: ${index.size} benchmark problems from ${benchmarkSets.map((s) => s.name).join(", ")} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  let embeddings: EmbeddingRetriever | null = null;
  if (endpoint) {
    embeddings = await createEmbeddingRetriever(endpoint.id, index.items.map((i) => i.text));
    hooks.log?.(`embeddings: ${index.size} benchmark problems embedded by "${endpoint.name}" (${embeddings.matrix.dimensions} dimensions)`);
  }
  const rowOf = new Map(index.items.map((item, row) => [item.id, row]));
  const thresholds = { threshold, embeddingThreshold };
  const total = problemSet.problemCount;
  const summary: RetrievalSummary = {
    problemSet: problemSet.name,
    against: benchmarkSets.map((s) => s.name),
    topK,
    threshold,
    embeddingEndpoint: endpoint?.name ?? null,
    embeddingThreshold: endpoint ? embeddingThreshold : null,
    checked: 0,
    total,
    pairs: 0,
    exact: 0,
    near: 0,
    clean: 0,
    kept: 0,
    indexSize: index.size,
    seconds: 0,
    stopped: false,
  };
  const add = (o: ChunkOutcome) => {
    summary.pairs += o.pairs;
    summary.exact += o.exact;
    summary.near += o.near;
    summary.clean += o.clean;
    summary.kept += o.kept;
  };

  let pending: Promise<ChunkOutcome> | null = null;
  let after = 0;
  try {
    for (;;) {
      // gold_answer of a synthesized problem: its majority label or reference answer when labelled;
      // equal to a benchmark problem's gold it adds the score's answer bonus.
      const { rows: problems } = await pool().query<{ id: number; text: string; source_key: string; gold_answer: string | null }>(
        `SELECT id, text, source_key, gold_answer FROM problems WHERE set_id = $1 AND id > $2 ORDER BY id LIMIT ${RETRIEVAL_CHUNK}`,
        [problemSet.id, after],
      );
      if (problems.length === 0) break;
      const vectors = embeddings ? await embeddings.embed(problems.map((p) => p.text)) : null;
      const results = problems.map((p, i) => {
        const lexical = retrieveCandidates(index, p.text, { topK, answer: p.gold_answer ?? undefined });
        let hits: EmbeddingHit[] | null = null;
        let cosineOf: ((id: number) => number) | null = null;
        const vector = vectors?.[i];
        if (embeddings && vector) {
          const matrix = embeddings.matrix;
          hits = embeddingTopK(matrix, vector, topK).map((h) => ({ ...pick(index.items[h.row]), score: h.score }));
          cosineOf = (id) => embeddingCosine(matrix, vector, rowOf.get(id) ?? 0);
        }
        return { problemId: p.id, key: p.source_key, rows: mergeCandidates(lexical, hits, cosineOf) };
      });
      if (pending) add(await pending);
      if (hooks.onLine) for (const r of results) hooks.onLine(lineFor(r.key, r.rows));
      pending = storeChunk(results, thresholds);
      // Handled here so a failure while the next chunk is computed is not an unhandled rejection;
      // the await above (next round) or below still raises it.
      pending.catch(() => {});
      summary.checked += problems.length;
      after = problems[problems.length - 1].id;
      hooks.onProgress?.({ done: summary.checked, total: Math.max(total, summary.checked) });
      if (problems.length < RETRIEVAL_CHUNK) break;
      if (hooks.shouldStop && (await hooks.shouldStop())) {
        summary.stopped = true;
        break;
      }
    }
    if (pending) add(await pending);
    pending = null;
  } finally {
    // A failed run must not leave a write in flight behind it.
    if (pending) await (pending as Promise<ChunkOutcome>).catch(() => {});
  }
  summary.total = Math.max(total, summary.checked);
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

function pick(item: { id: number; setName: string; key: string }) {
  return { benchmarkId: item.id, setName: item.setName, key: item.key };
}

function lineFor(problem: string, rows: CandidateRow[]): RetrievalLine {
  return {
    problem,
    candidates: [...rows]
      .sort((a, b) => b.score - a.score || (b.embeddingScore ?? 0) - (a.embeddingScore ?? 0))
      .map((r) => ({
        benchmark: r.setName,
        key: r.key,
        score: r.score,
        ...(r.embeddingScore !== null ? { embeddingScore: r.embeddingScore } : {}),
        ...(r.exact ? { exact: true as const } : {}),
      })),
  };
}

async function storeChunk(results: { problemId: number; rows: CandidateRow[] }[], thresholds: { threshold: number; embeddingThreshold: number }): Promise<ChunkOutcome> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const outcome = await storeCandidates(client, results, thresholds);
    await client.query("COMMIT");
    return outcome;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
