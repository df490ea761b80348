// The latest exports, with their manifest and (for background exports) their file (server component).
import type { TaskStatus } from "@/lib/tasks/task-status";
import { formatInteger } from "@/lib/format";

export function RecentExports({ exports }: { exports: TaskStatus<"export">[] }) {
  if (exports.length === 0) return null;
  return (
    <section aria-labelledby="recent-exports">
      <h2 id="recent-exports" className="mb-2 text-sm font-semibold text-slate-700">
        Recent exports
      </h2>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
        {exports.map((task) => {
          const manifest = task.state === "completed" ? task.result : null;
          return (
            <li key={task.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2">
              <span className="font-medium">{task.label}</span>
              <span className="flex gap-3 text-xs text-slate-600">
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
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
