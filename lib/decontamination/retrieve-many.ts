// Bulk retrieval for a list of problems (benchmarks, evaluations): a RetrievalPool for the call.
// Retrieval is CPU-bound and independent per problem, so with `workers > 1` the problems are
// spread over worker processes (see retrieval-pool.ts). Workers run from sources with tsx
// (`node --import tsx`, as the CLI, the job worker and `npm run bench` do).
import type { BenchmarkIndex } from "@/lib/decontamination/benchmark-index";
import { type ProblemInput, type RetrievedProblem, RetrievalPool } from "@/lib/decontamination/retrieval-pool";
import type { RetrieveOptions } from "@/lib/decontamination/retrieve";

export type { ProblemInput, RetrievedProblem } from "@/lib/decontamination/retrieval-pool";

export type RetrieveManyOptions = Omit<RetrieveOptions, "answer"> & {
  /** worker processes; default 1 (in this thread). Capped at the machine's parallelism. */
  workers?: number;
  /** problems per message to a worker */
  chunkSize?: number;
  /**
   * Receives results batch by batch (in input order). When given, nothing is accumulated and
   * the promise resolves to []: 600K problems x 5 candidates with evidence do not fit in memory.
   */
  onBatch?: (batch: RetrievedProblem[]) => void;
};

export async function retrieveMany(index: BenchmarkIndex, problems: ProblemInput[], options: RetrieveManyOptions = {}): Promise<RetrievedProblem[]> {
  const { workers = 1, chunkSize = 2000, onBatch, ...retrieve } = options;
  const pool = new RetrievalPool({ items: index.items, options: index.options, index }, { workers, chunkSize, ...retrieve });
  const collected: RetrievedProblem[] = [];
  try {
    // Two batches in flight keep every worker busy while the previous batch is handed over.
    const batchSize = chunkSize * pool.workers;
    let previous: Promise<RetrievedProblem[]> | null = null;
    for (let start = 0; start < problems.length || previous; start += batchSize) {
      const current = start < problems.length ? pool.retrieveBatch(problems.slice(start, start + batchSize)) : null;
      current?.catch(() => {});
      if (previous) {
        const batch = await previous;
        if (onBatch) onBatch(batch);
        else collected.push(...batch);
      }
      previous = current;
    }
  } finally {
    await pool.close();
  }
  return onBatch ? [] : collected;
}
