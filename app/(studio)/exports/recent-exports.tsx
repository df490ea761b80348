// The latest exports, with their manifest and (for background exports) their file (server component).
import { RecentTaskList } from "@/components/ui/recent-task-list";
import type { TaskStatus } from "@/lib/tasks/task-status";
import { formatInteger } from "@/lib/format";

export function RecentExports({ exports }: { exports: TaskStatus<"export">[] }) {
  return (
    <RecentTaskList
      title="Recent exports"
      tasks={exports}
      row={(task) => {
        const manifest = task.state === "completed" ? task.result : null;
        return {
          label: <span className="font-medium">{task.label}</span>,
          outcomeClassName: "flex gap-3 text-xs text-slate-600",
          outcome: (
            <>
              {manifest ? `${formatInteger(manifest.rows)} rows` : task.state === "failed" ? `failed: ${task.error ?? ""}` : task.state}
              {manifest && (
                <a className="underline" href={`/api/exports/${task.id}/manifest`}>
                  manifest
                </a>
              )}
              {manifest && task.exportMode === "job" && (
                <a className="underline" href={`/api/exports/${task.id}/file`}>
                  file
                </a>
              )}
            </>
          ),
        };
      }}
    />
  );
}
