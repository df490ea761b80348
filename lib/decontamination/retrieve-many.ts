// Bulk retrieval for a whole synthesized set. Retrieval is CPU-bound and independent per problem,
// so with `workers > 1` the problems are spread over worker processes; each worker rebuilds the
// index from the items (about 2 s for 12K problems) rather than receiving a copy, because the
// Map-based feature dictionary does not transfer and rebuilding is cheaper than serialising it.
// Workers run from sources with tsx (`node --import tsx`, as the CLI and `npm run bench` do).
import { type ChildProcess, fork } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { BenchmarkIndex } from "@/lib/decontamination/benchmark-index";
import { type Candidate, type RetrieveOptions, retrieveCandidates } from "@/lib/decontamination/retrieve";

export type ProblemInput = { id: number; text: string };
export type RetrievedProblem = { id: number; candidates: Candidate[] };

export type RetrieveManyOptions = RetrieveOptions & {
  /** worker threads; default 1 (in this thread). Capped at the machine's parallelism. */
  workers?: number;
  /** problems per message to a worker */
  chunkSize?: number;
  /**
   * Receives results batch by batch (in completion order). When given, nothing is accumulated and
   * the promise resolves to []: 600K problems x 5 candidates with evidence do not fit in memory.
   */
  onBatch?: (batch: RetrievedProblem[]) => void;
};

export type WorkerRequest =
  | { type: "init"; items: BenchmarkIndex["items"]; indexOptions: BenchmarkIndex["options"]; retrieve: RetrieveOptions }
  | { type: "chunk"; chunk: number; problems: ProblemInput[] };
export type WorkerReply = { type: "ready" } | { type: "done"; chunk: number; results: RetrievedProblem[] };

// Child processes rather than worker_threads: under Node 20 a worker thread cannot load a .ts
// entry even with tsx registered (loader hooks do not reach the worker's entry), while a forked
// process accepts `--import tsx` like the parent. The cost is one index rebuild per process.
function startWorker(): ChildProcess {
  const fromSources = import.meta.url.endsWith(".ts");
  const file = fileURLToPath(new URL(fromSources ? "./retrieve-worker.ts" : "./retrieve-worker.js", import.meta.url));
  const loader = fromSources && !process.execArgv.some((a) => a.includes("tsx")) ? ["--import", "tsx"] : [];
  return fork(file, [], { execArgv: [...process.execArgv, ...loader], serialization: "advanced" });
}

export async function retrieveMany(
  index: BenchmarkIndex,
  problems: ProblemInput[],
  options: RetrieveManyOptions = {},
): Promise<RetrievedProblem[]> {
  const { workers = 1, chunkSize = 2000, onBatch, ...retrieve } = options;
  const collected: RetrievedProblem[] = [];
  const emit = (batch: RetrievedProblem[]) => (onBatch ? onBatch(batch) : collected.push(...batch));
  const threads = Math.max(1, Math.min(workers, availableParallelism(), Math.ceil(problems.length / chunkSize)));

  if (threads <= 1) {
    for (let start = 0; start < problems.length; start += chunkSize) {
      emit(
        problems.slice(start, start + chunkSize).map((p) => ({ id: p.id, candidates: retrieveCandidates(index, p.text, retrieve) })),
      );
    }
    return onBatch ? [] : collected;
  }

  const chunks: ProblemInput[][] = [];
  for (let start = 0; start < problems.length; start += chunkSize) chunks.push(problems.slice(start, start + chunkSize));
  // Results are reassembled in input order unless streamed.
  const ordered: RetrievedProblem[][] = new Array(chunks.length);
  let next = 0;

  await Promise.all(
    Array.from({ length: threads }, () => {
      const worker = startWorker();
      return new Promise<void>((resolve, reject) => {
        const sendNext = () => {
          if (next >= chunks.length) {
            worker.once("exit", () => resolve());
            worker.disconnect();
            return;
          }
          const chunk = next++;
          worker.send({ type: "chunk", chunk, problems: chunks[chunk] } satisfies WorkerRequest);
        };
        worker.on("message", (msg: WorkerReply) => {
          if (msg.type === "done") {
            if (onBatch) onBatch(msg.results);
            else ordered[msg.chunk] = msg.results;
          }
          sendNext();
        });
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (code !== 0 && code !== null) reject(new Error(`retrieve worker exited with code ${code}`));
        });
        worker.send({
          type: "init",
          items: index.items,
          indexOptions: index.options,
          retrieve,
        } satisfies WorkerRequest);
      });
    }),
  );
  return onBatch ? [] : ordered.flat();
}
