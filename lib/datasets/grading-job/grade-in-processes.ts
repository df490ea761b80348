// Grading is CPU-bound in Node (extraction, the checker, the tokenizer, the arithmetic check:
// ~100-200 µs a solution), so a large import is graded by several processes at once, each with
// its own connections: this one and `processes - 1` forked ones (child processes rather than
// worker_threads: a worker thread cannot load our .ts sources under tsx; see
// lib/decontamination/retrieve-many.ts). They share nothing but the database, where rows are
// claimed FOR UPDATE SKIP LOCKED, or (the bulk path, grade-bulk-stage.ts) each process stages
// its own share of the id range.
import type { ChildProcess } from "node:child_process";
import { type StageShare, stageImportRows } from "@/lib/datasets/grading-job/grade-bulk-stage";
import { gradeImportRows } from "@/lib/datasets/grading-job/grade-import-rows";
import { forkModule } from "@/lib/jobs/fork-module";

export interface GradeProcessRequest {
  importTaskId: number;
  setId: number;
  generated: boolean;
  /** The bulk path: this process's share of the rows, staged instead of updated. */
  bulk?: StageShare;
}
export type GradeProcessReply = { type: "graded"; rows: number } | { type: "done" } | { type: "failed"; error: string };

function startProcess(): ChildProcess {
  return forkModule(new URL("./grade-import-worker.ts", import.meta.url), { stdio: ["ignore", "inherit", "inherit", "ipc"] });
}

/** One process's part of a grading run, in whichever process runs it. */
export function gradeShare(request: GradeProcessRequest, onGraded: (rows: number) => void): Promise<number> {
  const options = { generated: request.generated, onGraded };
  return request.bulk ? stageImportRows(request.importTaskId, request.setId, request.bulk, options) : gradeImportRows(request.importTaskId, request.setId, options);
}

/** Runs one forked grader to the end; resolves when it has graded every row it could claim. */
function runForked(request: GradeProcessRequest, onGraded: (rows: number) => void): { done: Promise<void>; child: ChildProcess } {
  const child = startProcess();
  const done = new Promise<void>((resolve, reject) => {
    let finished = false;
    child.on("message", (reply: GradeProcessReply) => {
      if (reply.type === "graded") onGraded(reply.rows);
      else if (reply.type === "done") finished = true;
      else reject(new Error(`a grading process failed: ${reply.error}`));
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => (finished ? resolve() : reject(new Error(`a grading process stopped (${signal ?? `exit ${code}`}) before finishing`))));
  });
  child.send(request);
  return { done, child };
}

/** Grades every ungraded row of the import with `processes` processes (this one included); in bulk, process i stages share i. */
export async function gradeInProcesses(request: GradeProcessRequest, processes: number, onGraded: (rows: number) => void): Promise<void> {
  const shares = Math.max(1, processes);
  const requestOf = (share: number): GradeProcessRequest => (request.bulk ? { ...request, bulk: { ...request.bulk, share, shares } } : request);
  const forked = Array.from({ length: shares - 1 }, (_, i) => runForked(requestOf(i + 1), onGraded));
  try {
    await Promise.all([gradeShare(requestOf(0), onGraded), ...forked.map((f) => f.done)]);
  } catch (error) {
    // The others stop too: their open batches roll back, and a retry resumes at the ungraded rows.
    for (const f of forked) if (f.child.exitCode === null) f.child.kill();
    await Promise.allSettled(forked.map((f) => f.done));
    throw error;
  }
}
