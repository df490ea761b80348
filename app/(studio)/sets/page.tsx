import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { listProblemSets } from "@/lib/datasets/list-problem-sets";
import { listRecentTasks } from "@/lib/datasets/web/task-status";
import { formatInteger, formatPercent } from "@/lib/format";
import { RecentImports } from "./recent-imports";

export const metadata: Metadata = { title: "Problem sets" };

export default async function SetsPage() {
  const user = await requirePageUser("dashboard.view");
  const mayImport = can(user.role, "sets.import");
  const [sets, imports] = await Promise.all([listProblemSets(), mayImport ? listRecentTasks("import", 10) : Promise.resolve([])]);
  return (
    <div className="space-y-8">
      <header className="flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Problem sets</h1>
          <p className="text-sm text-slate-600">Seed, synthetic and benchmark sets with their problem and solution counts.</p>
        </div>
        {mayImport && (
          <Link href="/sets/import" className="rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700">
            Import a file
          </Link>
        )}
      </header>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm" aria-label="Problem sets">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2">Set</th>
              <th className="px-4 py-2">Role</th>
              <th className="px-4 py-2 text-right">Problems</th>
              <th className="px-4 py-2 text-right">Solutions</th>
              <th className="px-4 py-2 text-right">Graded</th>
              <th className="px-4 py-2 text-right">Correct share</th>
            </tr>
          </thead>
          <tbody>
            {sets.map((set) => (
              <tr key={set.id} className="border-t border-slate-100">
                <td className="px-4 py-2 font-medium">{set.name}</td>
                <td className="px-4 py-2">{set.role}</td>
                <td className="px-4 py-2 text-right tabular-nums">{formatInteger(set.problemCount)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{formatInteger(set.sampleCount)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{formatInteger(set.gradedCount)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{formatPercent(set.correctCount, set.gradedCount)}</td>
              </tr>
            ))}
            {sets.length === 0 && (
              <tr>
                <td colSpan={6} className="px-4 py-6 text-center text-slate-500">
                  No problem sets yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {mayImport && <RecentImports imports={imports} />}
    </div>
  );
}
