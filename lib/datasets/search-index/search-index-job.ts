// The pg-boss job that builds a set's search index after a large import into a new set. It is
// queued by the import's grading job when grading ends (grading rewrites every row once, and
// each rewrite would also have to enter the trigram index), or at once when nothing is graded.
import { buildSearchIndex } from "@/lib/datasets/search-index/build-search-index";
import { enqueue } from "@/lib/jobs/enqueue";
import { defineJob } from "@/lib/jobs/job-definitions";
import type { SearchIndexJobData } from "@/lib/jobs/queues";
import { createTask } from "@/lib/tasks/task-rows";

declare module "@/lib/tasks/task-kinds" {
  interface TaskKinds {
    // Its outcome is the Task's message; it stores no result.
    "search-index": { payload: { setId: number }; result: null };
  }
}

export const searchIndexJob = defineJob({
  queue: "search-index",
  concurrency: 1,
  async handle(data) {
    return { outcome: await buildSearchIndex(data.setId, { taskId: data.taskId }) };
  },
});

/** The Task a deferred search index reports into, created when the import commits. */
export async function createSearchIndexTask(setId: number, setName: string, solutions: number, userId: number | null): Promise<number> {
  return createTask({
    kind: "search-index",
    label: `Search index of ${setName} (${solutions.toLocaleString("en-US")} solutions)`,
    unit: "blocks",
    payload: { setId },
    createdById: userId,
  });
}

export async function queueSearchIndex(data: SearchIndexJobData): Promise<void> {
  await enqueue("search-index", data, { singletonKey: `search-index-${data.setId}` });
}
