import type { Metadata } from "next";
import Link from "next/link";
import { ShareBar } from "@/components/ui/share-bar";
import { type DataColumn, DataTable, NumTd, Row, Td } from "@/components/ui/data-table";
import { StatCard } from "@/components/ui/stat-card";
import { Section } from "@/components/ui/section";
import { requirePageUser } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { findActiveBatches } from "@/lib/dashboard/find-active-batches";
import { findFailedBatches } from "@/lib/dashboard/find-failed-batches";
import { findRecentActivity } from "@/lib/dashboard/find-recent-activity";
import { getDashboardSummary, type SetSummary } from "@/lib/dashboard/get-dashboard-summary";
import { formatInteger, formatPercent } from "@/lib/format";
import { findSampleBreakdown } from "@/lib/insights/find-sample-breakdown";
import { ALL_SETS } from "@/lib/insights/insight-scope";
import { PageHeader } from "@/components/ui/page-header";
import { ActiveBatches } from "./_dashboard/active-batches";
import { AutoRefresh } from "./_dashboard/auto-refresh";
import { RecentActivity } from "./_dashboard/recent-activity";
import { SampleBreakdownChart } from "@/components/charts/sample-breakdown-chart";

export const metadata: Metadata = { title: "Dashboard" };

const ROLE_TITLES: Record<SetSummary["role"], string> = {
  seed: "Seed sets",
  synthetic: "Synthetic sets",
  benchmark: "Benchmark sets (decontamination references)",
};

// Fixed widths keep the columns aligned across the per-role tables.
const SET_COLUMNS: DataColumn[] = [
  { header: "Set", className: "w-1/5" },
  { header: "Sources", className: "w-1/4" },
  { header: "Problems", align: "right", className: "w-28" },
  { header: "Solutions", align: "right", className: "w-28" },
  { header: "Correct share (generated)", className: "w-48" },
];
// Left out for benchmark sets: they are the references the other sets are checked against.
const CONTAMINATED_COLUMN: DataColumn = { header: "Contaminated", className: "w-48" };

export default async function DashboardPage() {
  const user = await requirePageUser("dashboard.view");
  // The audit log is the admins' (ACTIONS "audit.view"); others do not get its entries.
  const showActivity = can(user.role, "audit.view");
  const [{ sets, totals }, batches, failedBatches, bySource, activity] = await Promise.all([
    getDashboardSummary(),
    findActiveBatches(),
    findFailedBatches(),
    findSampleBreakdown("source", ALL_SETS),
    showActivity ? findRecentActivity(10) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-8">
      <PageHeader title="Dashboard" description="Problem sets, solutions and how many of them check out." />
      <section aria-label="Totals">
        <dl className="grid grid-cols-2 gap-4 lg:grid-cols-5">
          <StatCard label="Problem sets" value={formatInteger(sets.length)} />
          <StatCard label="Problems" value={formatInteger(totals.problems)} />
          <StatCard
            label="Solutions"
            value={formatInteger(totals.samples)}
            hint={`${formatInteger(totals.generated.samples)} generated, ${formatInteger(totals.references.samples)} reference`}
          />
          <StatCard
            label="Correct share (generated)"
            value={formatPercent(totals.generated.correct, totals.generated.graded)}
            hint={`of ${formatInteger(totals.generated.graded)} graded generated solutions; references apart`}
          />
          <StatCard label="Contaminated" value={formatInteger(totals.contaminated)} hint="problems decided contaminated" />
        </dl>
      </section>
      {batches.some((b) => b.state !== "paused") && <AutoRefresh everyMs={5000} />}
      <ActiveBatches batches={batches} failed={failedBatches} role={user.role} />
      {(["seed", "synthetic", "benchmark"] as const).map((role) => {
        const group = sets.filter((set) => set.role === role);
        if (group.length === 0) return null;
        return (
          <section key={role} aria-labelledby={`role-${role}`}>
            <h2 id={`role-${role}`} className="mb-2 text-sm font-semibold text-slate-700">
              {ROLE_TITLES[role]}
            </h2>
            <DataTable className="table-fixed" columns={role === "benchmark" ? SET_COLUMNS : [...SET_COLUMNS, CONTAMINATED_COLUMN]}>
              {group.map((set) => (
                <Row key={set.id}>
                  <Td className="font-medium">{set.name}</Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      {set.sources.map((s) => (
                        <span key={s.source} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                          {s.source} · {formatInteger(s.problems)}
                        </span>
                      ))}
                    </div>
                  </Td>
                  <NumTd>{formatInteger(set.problemCount)}</NumTd>
                  <NumTd>{formatInteger(set.sampleCount)}</NumTd>
                  <Td>
                    <ShareBar value={set.generated.correct} total={set.generated.graded} label={`Correct share of ${set.name}`} />
                    {set.references.samples > 0 && (
                      <div className="mt-0.5 text-xs text-slate-500" title="reference solutions whose final answer agrees with the gold (a data-quality check)">
                        references: {formatInteger(set.references.correct)} of {formatInteger(set.references.graded)} agree with the gold
                      </div>
                    )}
                  </Td>
                  {role !== "benchmark" && (
                    <Td title={`${formatInteger(set.checkedCount)} checked, ${formatInteger(set.flaggedCount)} flagged and waiting for a decision`}>
                      <ShareBar value={set.contaminatedCount} total={set.problemCount} label={`Contaminated share of ${set.name}`} />
                    </Td>
                  )}
                </Row>
              ))}
            </DataTable>
          </section>
        );
      })}
      {sets.length === 0 && <p className="text-sm text-slate-600">No problem sets yet. Import one with <code>npx boxed import</code>.</p>}
      <Section
        id="dashboard-plots"
        title="Solutions at a glance"
        actions={
          <Link href="/insights" className="text-sm text-sky-700 hover:underline">
            All insights: pass@k, lengths, agreement, suspect gold answers
          </Link>
        }
      >
        <SampleBreakdownChart dimension="source" rows={bySource} />
      </Section>
      {showActivity && <RecentActivity entries={activity} />}
    </div>
  );
}
