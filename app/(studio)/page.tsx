import type { Metadata } from "next";
import { ShareBar } from "@/components/ui/share-bar";
import { StatCard } from "@/components/ui/stat-card";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getDashboardSummary, type SetSummary } from "@/lib/dashboard/get-dashboard-summary";
import { formatInteger, formatPercent } from "@/lib/format";

export const metadata: Metadata = { title: "Dashboard" };

const ROLE_TITLES: Record<SetSummary["role"], string> = {
  seed: "Seed sets",
  synthetic: "Synthetic sets",
  benchmark: "Benchmark sets (decontamination references)",
};

export default async function DashboardPage() {
  await requirePageUser("dashboard.view");
  const { sets, totals } = await getDashboardSummary();
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <p className="text-sm text-slate-600">Problem sets, solutions and how many of them check out.</p>
      </header>
      <section aria-label="Totals" className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard label="Problem sets" value={formatInteger(sets.length)} />
        <StatCard label="Problems" value={formatInteger(totals.problems)} />
        <StatCard label="Solutions" value={formatInteger(totals.samples)} hint={`${formatInteger(totals.graded)} graded`} />
        <StatCard label="Correct share" value={formatPercent(totals.correct, totals.graded)} hint="of graded solutions" />
      </section>
      {(["seed", "synthetic", "benchmark"] as const).map((role) => {
        const group = sets.filter((set) => set.role === role);
        if (group.length === 0) return null;
        return (
          <section key={role} aria-labelledby={`role-${role}`}>
            <h2 id={`role-${role}`} className="mb-2 text-sm font-semibold text-slate-700">
              {ROLE_TITLES[role]}
            </h2>
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="w-full table-fixed text-sm">
                <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th className="w-1/4 px-4 py-2">Set</th>
                    <th className="w-1/3 px-4 py-2">Sources</th>
                    <th className="px-4 py-2 text-right">Problems</th>
                    <th className="px-4 py-2 text-right">Solutions</th>
                    <th className="w-48 px-4 py-2">Correct share</th>
                  </tr>
                </thead>
                <tbody>
                  {group.map((set) => (
                    <tr key={set.id} className="border-t border-slate-100">
                      <td className="px-4 py-2 font-medium">{set.name}</td>
                      <td className="px-4 py-2">
                        <div className="flex flex-wrap gap-1">
                          {set.sources.map((s) => (
                            <span key={s.source} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                              {s.source} · {formatInteger(s.problems)}
                            </span>
                          ))}
                        </div>
                      </td>
                      <td className="px-4 py-2 text-right tabular-nums">{formatInteger(set.problemCount)}</td>
                      <td className="px-4 py-2 text-right tabular-nums">{formatInteger(set.sampleCount)}</td>
                      <td className="px-4 py-2">
                        <ShareBar value={set.correctCount} total={set.gradedCount} label={`Correct share of ${set.name}`} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      {sets.length === 0 && <p className="text-sm text-slate-600">No problem sets yet. Import one with <code>npx boxed import</code>.</p>}
    </div>
  );
}
