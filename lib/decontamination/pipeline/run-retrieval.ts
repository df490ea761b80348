// Stage 1 over a whole set: stream its problems in keyset pages (id order), retrieve each one's
// top-k benchmark problems in worker processes, store each page in bulk (store-candidates.ts: COPY
// into a staging table, one upsert, one status statement) and move on. Three things overlap: the
// workers retrieve page n+1 while this process stores page n, and the next page is read while
// they work. Memory is bounded by what is in flight (two pages being retrieved, one being stored)
// plus the benchmark items here and one index per worker, whatever the set's size.
import { availableParallelism } from "node:os";
import { pool } from "@/lib/db/pool";
import { embeddingCosine, embeddingTopK } from "@/lib/decontamination/embedding-top-k";
import { findEarlierRetrieval } from "@/lib/decontamination/pipeline/earlier-retrieval";
import { createEmbeddingRetriever, type EmbeddingRetriever, findEmbeddingEndpoint } from "@/lib/decontamination/pipeline/embedding-retriever";
import { loadBenchmarkItems } from "@/lib/decontamination/pipeline/load-benchmark-index";
import { type CandidateRow, type EmbeddingHit, mergeCandidates } from "@/lib/decontamination/pipeline/merge-candidates";
import { resolveDecontamSets } from "@/lib/decontamination/pipeline/resolve-decontam-sets";
import { type ChunkOutcome, type RetrievalThresholds, storeCandidates } from "@/lib/decontamination/pipeline/store-candidates";
import { type RetrievedProblem, RetrievalPool } from "@/lib/decontamination/retrieval-pool";
import { DEFAULT_FLAG_THRESHOLD, DEFAULT_TOP_K } from "@/lib/decontamination/retrieve";
import { UserFacingError } from "@/lib/errors";

/** Embedding cosine at or above which a pair also counts as close. Not calibrated (see docs). */
export const DEFAULT_EMBEDDING_THRESHOLD = 0.9;
/** Problems per page read, retrieved and stored together (5 pairs each: 25,000 rows per COPY). */
export const RETRIEVAL_CHUNK = 5_000;
/** Sets smaller than this are retrieved in this thread: starting workers costs an index build each. */
const WORKERS_FROM = 2 * RETRIEVAL_CHUNK;

export interface RetrievalSettings {
  problemSet: string | number;
  against: (string | number)[];
  topK?: number;
  threshold?: number;
  embeddingEndpoint?: string | number | null;
  embeddingThreshold?: number;
  /**
   * Retrieval worker processes. Default: every core for a set of 10,000 problems or more (this
   * process mostly waits for them and the database), else this thread. 1 forces this thread.
   */
  workers?: number;
  /** Retrieve every problem again, not only those added since the last retrieval (earlier-retrieval.ts). */
  force?: boolean;
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
  /** Problems whose pairs are current after this run: retrieved now, or by the run it continued. */
  checked: number;
  /** Problems retrieved by this run. */
  retrieved: number;
  /** The run this one continued after (only problems added since were retrieved), or null. */
  continuedFrom: { taskId: number; lastId: number } | null;
  /** The last id of the last stored page: where the next run may continue. */
  lastId: number | null;
  /** The benchmark side as it was (problem count, largest id): a change makes the next run retrieve everything. */
  benchmark: { count: number; maxId: number };
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
  const items = await loadBenchmarkItems(benchmarkSets);
  if (items.length === 0) throw new UserFacingError(`The benchmark sets ${benchmarkSets.map((s) => `"${s.name}"`).join(", ")} have no problems.`, "import the test problems first");
  let embeddings: EmbeddingRetriever | null = null;
  if (endpoint) {
    embeddings = await createEmbeddingRetriever(endpoint.id, items.map((i) => i.text));
    hooks.log?.(`embeddings: ${items.length} benchmark problems embedded by "${endpoint.name}" (${embeddings.matrix.dimensions} dimensions)`);
  }
  const against = benchmarkSets.map((s) => s.name);
  const benchmark = { count: items.length, maxId: items.reduce((m, i) => Math.max(m, i.id), 0) };
  const scope = { against, topK, threshold, embeddingEndpoint: endpoint?.name ?? null, embeddingThreshold: endpoint ? embeddingThreshold : null, benchmark };
  const found = settings.force ? { earlier: null, reason: "every problem (forced)" } : await findEarlierRetrieval(problemSet, scope);
  const earlier = found.earlier;
  hooks.log?.(`retrieving: ${found.reason}`);
  // Problems to retrieve now: all, or those added after the earlier run's last stored page.
  const total = earlier ? await countAfter(problemSet.id, earlier.lastId) : problemSet.problemCount;
  const workers = settings.workers ?? (total >= WORKERS_FROM ? availableParallelism() : 1);
  const retrieval = new RetrievalPool({ items }, { workers, topK });
  hooks.log?.(`index: ${items.length} benchmark problems from ${benchmarkSets.map((s) => s.name).join(", ")}, ${retrieval.workers === 1 ? "retrieved in this thread" : `${retrieval.workers} worker processes`} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const thresholds = { threshold, embeddingThreshold };
  const summary: RetrievalSummary = {
    problemSet: problemSet.name,
    ...scope,
    checked: earlier?.covered ?? 0,
    retrieved: 0,
    continuedFrom: earlier ? { taskId: earlier.taskId, lastId: earlier.lastId } : null,
    lastId: earlier?.lastId ?? null,
    total,
    pairs: 0,
    exact: 0,
    near: 0,
    clean: 0,
    kept: 0,
    indexSize: items.length,
    seconds: 0,
    stopped: false,
  };
  const stored = (o: ChunkOutcome, problems: PageProblem[]) => {
    summary.checked += problems.length;
    summary.retrieved += problems.length;
    summary.lastId = problems[problems.length - 1].id;
    summary.pairs += o.pairs;
    summary.exact += o.exact;
    summary.near += o.near;
    summary.clean += o.clean;
    summary.kept += o.kept;
    hooks.onProgress?.({ done: summary.retrieved, total: Math.max(total, summary.retrieved) });
  };
  const merge = mergerFor(embeddings, items, topK);

  // A page in the workers' hands (its embeddings requested at the same time), the page read
  // after it, and the store of the page before it. Promises in flight carry a no-op catch so a
  // failure while another one is awaited is not an unhandled rejection; awaiting each still raises it.
  let after = earlier?.lastId ?? 0;
  const readNext = async (): Promise<InFlightPage | null> => {
    const problems = await readPage(problemSet.id, after);
    if (problems.length === 0) return null;
    after = problems[problems.length - 1].id;
    return submitPage(retrieval, embeddings, problems);
  };
  let storing: Promise<void> | null = null;
  try {
    let inFlight = await readNext();
    while (inFlight) {
      const page: InFlightPage = inFlight;
      const next = await readNext();
      const results = merge(page.problems, await page.lexical, page.vectors ? await page.vectors : null);
      if (storing) await storing;
      if (hooks.onLine) for (const r of results) hooks.onLine(lineFor(r.key, r.rows));
      storing = storeChunk(results, thresholds).then((o) => stored(o, page.problems));
      storing.catch(() => {});
      inFlight = next;
      if (inFlight && hooks.shouldStop && (await hooks.shouldStop())) {
        // The page in the workers' hands is dropped (not stored, not counted); stored pages stay.
        summary.stopped = true;
        break;
      }
    }
    if (storing) await storing;
    storing = null;
  } finally {
    // A failed run must not leave a write in flight behind it, nor worker processes.
    if (storing) await (storing as Promise<void>).catch(() => {});
    await retrieval.close();
  }
  summary.total = Math.max(problemSet.problemCount, summary.checked);
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

interface PageProblem {
  id: number;
  text: string;
  source_key: string;
  gold_answer: string | null;
}

interface InFlightPage {
  problems: PageProblem[];
  lexical: Promise<RetrievedProblem[]>;
  vectors: Promise<number[][]> | null;
}

async function countAfter(setId: number, lastId: number): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM problems WHERE set_id = $1 AND id > $2`, [setId, lastId]);
  return rows[0]?.n ?? 0;
}

async function readPage(setId: number, after: number): Promise<PageProblem[]> {
  // gold_answer of a synthesized problem: its majority label or reference answer when labelled;
  // equal to a benchmark problem's gold it adds the score's answer bonus.
  const { rows } = await pool().query<PageProblem>(
    `SELECT id, text, source_key, gold_answer FROM problems WHERE set_id = $1 AND id > $2 ORDER BY id LIMIT ${RETRIEVAL_CHUNK}`,
    [setId, after],
  );
  return rows;
}

function submitPage(retrieval: RetrievalPool, embeddings: EmbeddingRetriever | null, problems: PageProblem[]): InFlightPage {
  const lexical = retrieval.retrieveBatch(problems.map((p) => ({ id: p.id, text: p.text, ...(p.gold_answer ? { answer: p.gold_answer } : {}) })));
  lexical.catch(() => {});
  const vectors = embeddings ? embeddings.embed(problems.map((p) => p.text)) : null;
  vectors?.catch(() => {});
  return { problems, lexical, vectors };
}

/** Lexical top-k (+ the embedding top-k beside it, when an endpoint is used) as stored rows. */
function mergerFor(embeddings: EmbeddingRetriever | null, items: { id: number; setName: string; key: string }[], topK: number) {
  const rowOf = embeddings ? new Map(items.map((item, row) => [item.id, row])) : null;
  return (problems: PageProblem[], lexical: RetrievedProblem[], vectors: number[][] | null) =>
    problems.map((p, i) => {
      let hits: EmbeddingHit[] | null = null;
      let cosineOf: ((id: number) => number) | null = null;
      const vector = vectors?.[i];
      if (embeddings && rowOf && vector) {
        const matrix = embeddings.matrix;
        hits = embeddingTopK(matrix, vector, topK).map((h) => ({ ...pick(items[h.row]), score: h.score }));
        cosineOf = (id) => embeddingCosine(matrix, vector, rowOf.get(id) ?? 0);
      }
      return { problemId: p.id, key: p.source_key, rows: mergeCandidates(lexical[i].candidates, hits, cosineOf) };
    });
}

async function storeChunk(results: { problemId: number; rows: CandidateRow[] }[], thresholds: RetrievalThresholds): Promise<ChunkOutcome> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    // A crash could lose the last commits (never corrupt them); the run is repeatable, and a
    // page's commit no longer waits for the disk while the next one is retrieved.
    await client.query("SET LOCAL synchronous_commit = off");
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
