// Every kind of Task and the shape of its payload (what its job reads) and result (what its page
// shows). Each feature registers its kinds beside the code that runs them, by adding to TaskKinds:
//
//   declare module "@/lib/tasks/task-kinds" {
//     interface TaskKinds { "samples.bulk": { payload: BulkTaskPayload; result: BulkResult } }
//   }
//
// so this module depends on no feature (no import circle through lib/tasks), while createTask,
// readTask, finishTask and the progress reader are typed per kind: a payload of the wrong shape,
// or a kind nobody registered, does not compile. lib/auth/task-permissions.ts must name every
// registered kind (a Record over TaskKind), so a new kind cannot be shown to the wrong role.

// biome-ignore lint/suspicious/noEmptyInterface: filled by the features' `declare module` blocks
export interface TaskKinds {}

export type TaskKind = keyof TaskKinds;

type Entry<K extends TaskKind> = TaskKinds[K] extends { payload: unknown; result: unknown } ? TaskKinds[K] : never;

/** What the job of a kind reads (Task.payload). */
export type TaskPayload<K extends TaskKind> = Entry<K>["payload"];

/** What a finished (or, for imports, a running) Task of a kind holds (Task.result). */
export type TaskResult<K extends TaskKind> = Entry<K>["result"];

export type TaskStateName = "queued" | "running" | "completed" | "failed" | "cancelled";

export const OPEN_TASK_STATES: readonly TaskStateName[] = ["queued", "running"];

export function isOpenTaskState(state: string): state is "queued" | "running" {
  return state === "queued" || state === "running";
}
