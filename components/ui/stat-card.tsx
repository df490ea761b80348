// One figure with its name (and a line under it), for a row of them: a term and its value, so a
// row of StatCards goes in a <dl>. `compact` is the smaller card of a live panel with many figures.
import type { ReactNode } from "react";
import { classes } from "./classes";

export function StatCard({ label, value, hint, compact = false }: { label: string; value: ReactNode; hint?: ReactNode; compact?: boolean }) {
  return (
    <div className={classes("rounded-lg border border-slate-200 bg-white", compact ? "p-3" : "p-4")}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className={classes("font-semibold tabular-nums", compact ? "mt-0.5 text-xl" : "mt-1 text-2xl")}>{value}</dd>
      {hint && <dd className={classes("text-xs text-slate-500", !compact && "mt-1")}>{hint}</dd>}
    </div>
  );
}
