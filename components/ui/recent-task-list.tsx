// The titled list of a kind's latest tasks (recent imports, recent exports): one row per task, the
// task's label on the left and its outcome on the right (server component).
import type { ReactNode } from "react";
import { Section } from "./section";

export function RecentTaskList<T extends { id: number }>({
  title,
  tasks,
  row,
}: {
  title: string;
  tasks: T[];
  row: (task: T) => { label: ReactNode; outcome: ReactNode; outcomeClassName: string };
}) {
  if (tasks.length === 0) return null;
  return (
    <Section title={title}>
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
    </Section>
  );
}
