// Which permission reading a task's progress needs: the same as the page that shows that kind of
// task (its label and error name files, sets and filters). A kind missing here is readable by
// admins only, so a new kind of task is never shown to everyone by mistake.
import type { ActionName } from "@/lib/auth/permissions";

const TASK_PERMISSIONS: Record<string, ActionName> = {
  import: "sets.import",
  "grade-import": "sets.import",
  "search-index": "sets.import",
  export: "export.download",
  "samples.bulk": "samples.bulk",
  "review.queue.fill": "review.queue.create",
  "decontam.retrieve": "decontam.run",
  "decontam.cluster": "decontam.run",
};

const UNLISTED: ActionName = "audit.view";

export function permissionForTaskKind(kind: string): ActionName {
  return Object.hasOwn(TASK_PERMISSIONS, kind) ? TASK_PERMISSIONS[kind] : UNLISTED;
}
