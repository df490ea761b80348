// Which permission reading a task's progress needs: the same as the page that shows that kind of
// task (its label and error name files, sets and filters). Every registered kind
// (lib/tasks/task-kinds.ts) must be listed; a kind missing here (a row of a kind no code
// registers) is readable by admins only, so a new kind of task is never shown to everyone by
// mistake.
import type { ActionName } from "@/lib/auth/permissions";
import type { TaskKind } from "@/lib/tasks/task-kinds";

const TASK_PERMISSIONS: Record<TaskKind, ActionName> = {
  import: "sets.import",
  "grade-import": "sets.import",
  "search-index": "sets.import",
  export: "export.download",
  "samples.bulk": "samples.bulk",
  "review.queue.fill": "review.queue.create",
  // /decontamination and /decontamination/clusters show these runs (label, progress, error,
  // summary) to every signed-in user, and refresh while one runs.
  "decontam.retrieve": "dashboard.view",
  "decontam.cluster": "dashboard.view",
  // The set's page follows its deletion for those who may delete it.
  "set-delete": "sets.manage",
};

const UNLISTED: ActionName = "audit.view";

export function permissionForTaskKind(kind: string): ActionName {
  return Object.hasOwn(TASK_PERMISSIONS, kind) ? TASK_PERMISSIONS[kind as TaskKind] : UNLISTED;
}
