// The titled list of a kind's latest tasks (recent imports, recent exports): one row per task, the
// task's label on the left and its outcome on the right (server component).
import type { ReactNode } from "react";

export function RecentTaskList<T extends { id: number }>({
  id,
  title,
  tasks,
  row,
}: {
  id: string;
  title: string;
  tasks: T[];
  row: (task: T) => { label: ReactNode; outcome: ReactNode; outcomeClassName: string };
}) {
  if (tasks.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-2 text-sm font-semibold text-slate-700">
        {title}
      </h2>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
        {tasks.map((task) => {
          const { label, outcome, outcomeClassName } = row(task);
          return (
            <li key={task.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2">
              {label}
              <span className={outcomeClassName}>{outcome}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
