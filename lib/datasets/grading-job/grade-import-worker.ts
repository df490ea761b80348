// A grading process besides the job's own (forked by gradeInProcesses): grades rows of one import
// until none are left (or stages its share of a bulk run, grade-bulk-stage.ts), reporting how
// many it graded, then exits. Rows are claimed FOR UPDATE SKIP LOCKED (bulk: shares are
// disjoint), so it and the job's process never grade the same row.
import { type GradeProcessReply, type GradeProcessRequest, gradeShare } from "@/lib/datasets/grading-job/grade-in-processes";
import { closePool } from "@/lib/db/pool";

const send = (reply: GradeProcessReply) => new Promise<void>((resolve) => process.send?.(reply, () => resolve()));

process.once("message", async (request: GradeProcessRequest) => {
  try {
    await gradeShare(request, (rows) => process.send?.({ type: "graded", rows } satisfies GradeProcessReply));
    await send({ type: "done" });
  } catch (error) {
    await send({ type: "failed", error: error instanceof Error ? error.message : String(error) });
  } finally {
    await closePool().catch(() => {});
    process.disconnect?.();
  }
});
