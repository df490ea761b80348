// The latest imports with their outcome, for curators (server component).
import { RecentTaskList } from "@/components/ui/recent-task-list";
import type { TaskStatus } from "@/lib/tasks/task-status";
import { formatInteger } from "@/lib/format";

export function RecentImports({ imports }: { imports: TaskStatus<"import">[] }) {
  return (
    <RecentTaskList
      title="Recent imports"
      tasks={imports}
      row={(task) => {
        // A running import holds its live progress instead of a summary.
        const summary = task.result && "ok" in task.result ? task.result : null;
        return {
          label: (
            <span>
              <span className="font-medium">{task.label}</span> <span className="text-xs text-slate-500">#{task.id}</span>
            </span>
          ),
          outcomeClassName: "text-xs text-slate-600",
          outcome:
            task.state === "completed" && summary
              ? `${formatInteger(summary.problemsInserted ?? 0)} problems, ${formatInteger(summary.duplicates ?? 0)} duplicates, ${formatInteger(summary.solutionsInserted ?? 0)} solutions`
              : task.state === "failed"
                ? `refused: ${task.error ?? "failed"}`
                : task.state,
        };
      }}
    />
  );
}
