// The latest imports with their outcome, for curators (server component).
import type { TaskStatus } from "@/lib/tasks/task-status";
import { formatInteger } from "@/lib/format";

export function RecentImports({ imports }: { imports: TaskStatus<"import">[] }) {
  if (imports.length === 0) return null;
  return (
    <section aria-labelledby="recent-imports">
      <h2 id="recent-imports" className="mb-2 text-sm font-semibold text-slate-700">
        Recent imports
      </h2>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
        {imports.map((task) => {
          // A running import holds its live progress instead of a summary.
          const summary = task.result && "ok" in task.result ? task.result : null;
          return (
            <li key={task.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2">
              <span>
                <span className="font-medium">{task.label}</span> <span className="text-xs text-slate-500">#{task.id}</span>
              </span>
              <span className="text-xs text-slate-600">
                {task.state === "completed" && summary
                  ? `${formatInteger(summary.problemsInserted ?? 0)} problems, ${formatInteger(summary.duplicates ?? 0)} duplicates, ${formatInteger(summary.solutionsInserted ?? 0)} solutions`
                  : task.state === "failed"
                    ? `refused: ${task.error ?? "failed"}`
                    : task.state}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
