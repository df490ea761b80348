// A long-lived set of retrieval workers for a whole run: the index is built once per worker, then
// any number of batches of problems are retrieved, each promise resolving to its results in input
// order. Several batches can be in flight (the pipeline submits the next batch before it stores
// the current one), so the workers never wait for the database. With `workers <= 1` retrieval runs
// in this thread on one index (small sets, tests, machines with one core).
//
// Workers are forked *processes* (see startRetrieveWorker), each rebuilding the index from the
// items: the Map-based feature dictionary does not transfer, and rebuilding (~2.5 s) is cheaper
// than serialising it. The caller's process then holds only the items, not an index.
import type { ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { type BenchmarkIndex, type BenchmarkIndexOptions, type BenchmarkItem, buildBenchmarkIndex } from "@/lib/decontamination/benchmark-index";
import { type Candidate, type RetrieveOptions, retrieveCandidates } from "@/lib/decontamination/retrieve";
import { forkModule } from "@/lib/jobs/fork-module";

/** A problem to retrieve for; `answer` (its label) feeds the score's answer signal. */
export type ProblemInput = { id: number; text: string; answer?: string };
export type RetrievedProblem = { id: number; candidates: Candidate[] };
export type PoolRetrieveOptions = Omit<RetrieveOptions, "answer">;

export type WorkerRequest =
  | { type: "init"; items: BenchmarkItem[]; indexOptions: BenchmarkIndexOptions; retrieve: PoolRetrieveOptions }
  | { type: "chunk"; chunk: number; problems: ProblemInput[] };
export type WorkerReply = { type: "ready" } | { type: "done"; chunk: number; results: RetrievedProblem[] };

export interface RetrievalPoolOptions extends PoolRetrieveOptions {
  /** Worker processes; default 1 (this thread). Capped at the machine's parallelism. */
  workers?: number;
  /** Problems per message to a worker (smaller keeps both workers busy to the end of a batch). */
  chunkSize?: number;
}

/** The benchmark side: its items (what workers rebuild from) and, for in-thread use, a built index. */
export interface PoolBenchmark {
  items: BenchmarkItem[];
  options?: BenchmarkIndexOptions;
  index?: BenchmarkIndex;
}

export function retrieveOne(index: BenchmarkIndex, problem: ProblemInput, retrieve: PoolRetrieveOptions): RetrievedProblem {
  return { id: problem.id, candidates: retrieveCandidates(index, problem.text, problem.answer ? { ...retrieve, answer: problem.answer } : retrieve) };
}

function startRetrieveWorker(): ChildProcess {
  return forkModule(new URL("./retrieve-worker.ts", import.meta.url), { serialization: "advanced" });
}

interface Pending {
  problems: ProblemInput[];
  settle(results: RetrievedProblem[]): void;
  fail(error: Error): void;
}

export class RetrievalPool {
  readonly workers: number;
  private readonly chunkSize: number;
  private readonly retrieve: PoolRetrieveOptions;
  private index: BenchmarkIndex | null = null;
  private readonly children: ChildProcess[] = [];
  private readonly idle: ChildProcess[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<ChildProcess, Pending>();
  private failure: Error | null = null;
  private closing = false;

  constructor(benchmark: PoolBenchmark, options: RetrievalPoolOptions = {}) {
    const { workers = 1, chunkSize = 500, ...retrieve } = options;
    this.workers = Math.max(1, Math.min(workers, availableParallelism()));
    this.chunkSize = Math.max(1, chunkSize);
    this.retrieve = retrieve;
    if (this.workers <= 1) {
      this.index = benchmark.index ?? buildBenchmarkIndex(benchmark.items, benchmark.options);
      return;
    }
    for (let w = 0; w < this.workers; w++) this.children.push(this.startChild(benchmark));
  }

  private startChild(benchmark: PoolBenchmark): ChildProcess {
    const child = startRetrieveWorker();
    child.on("message", (msg: WorkerReply) => {
      if (msg.type === "ready") return this.makeIdle(child);
      const job = this.running.get(child);
      this.running.delete(child);
      job?.settle(msg.results);
      this.makeIdle(child);
    });
    child.on("error", (error) => this.abort(error));
    child.on("exit", (code, signal) => {
      if (!this.closing) this.abort(new Error(`a retrieval worker process stopped (exit code ${code ?? "none"}${signal ? `, ${signal}` : ""})`));
    });
    child.send({ type: "init", items: benchmark.items, indexOptions: benchmark.options ?? benchmark.index?.options ?? {}, retrieve: this.retrieve } satisfies WorkerRequest);
    return child;
  }

  private makeIdle(child: ChildProcess): void {
    const job = this.queue.shift();
    if (!job) {
      this.idle.push(child);
      return;
    }
    this.running.set(child, job);
    child.send({ type: "chunk", chunk: 0, problems: job.problems } satisfies WorkerRequest);
  }

  private abort(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const job of [...this.running.values(), ...this.queue.splice(0)]) job.fail(error);
    this.running.clear();
    void this.close();
  }

  /** The problems' top-k, in input order. */
  async retrieveBatch(problems: ProblemInput[]): Promise<RetrievedProblem[]> {
    if (this.failure) throw this.failure;
    const index = this.index;
    if (index) return problems.map((p) => retrieveOne(index, p, this.retrieve));
    const parts: Promise<RetrievedProblem[]>[] = [];
    for (let start = 0; start < problems.length; start += this.chunkSize) {
      const slice = problems.slice(start, start + this.chunkSize);
      parts.push(
        new Promise<RetrievedProblem[]>((settle, fail) => {
          this.queue.push({ problems: slice, settle, fail });
          const child = this.idle.shift();
          if (child) this.makeIdle(child);
        }),
      );
    }
    return (await Promise.all(parts)).flat();
  }

  /** Stops the workers (idempotent). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.children.splice(0).map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            if (child.connected) child.disconnect();
            else child.kill();
          }),
      ),
    );
  }
}
