import type { Metadata } from "next";
import Link from "next/link";
import { type DataColumn, ListTable, numberColumn, NumTd, Td } from "@/components/ui/data-table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { listProblemSets, type ProblemSetRow } from "@/lib/datasets/list-problem-sets";
import { listRecentTasks } from "@/lib/tasks/task-status";
import { formatInteger, formatPercent } from "@/lib/format";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { RecentImports } from "./recent-imports";

export const metadata: Metadata = { title: "Problem sets" };

const SET_COLUMNS: DataColumn[] = [
  { header: "Set" },
  { header: "Role" },
  numberColumn("Problems"),
  numberColumn("Solutions"),
  numberColumn("Graded"),
  numberColumn("Correct share"),
  { header: "Text search" },
];

// A large import into a new set gets its search index in the background (docs/datasets.md).
const SEARCH_STATE = { ready: "indexed", building: "index being built", missing: "index after grading" } as const;

function SetCells({ set }: { set: ProblemSetRow }) {
  return (
    <>
      <Td className="max-w-[28rem] truncate font-medium">
        <Link href={`/sets/${set.id}`} className="hover:underline" title={set.name}>
          {set.name}
        </Link>
      </Td>
      <Td>{set.role}</Td>
      <NumTd>{formatInteger(set.problemCount)}</NumTd>
      <NumTd>{formatInteger(set.sampleCount)}</NumTd>
      <NumTd>{formatInteger(set.gradedCount)}</NumTd>
      <NumTd>{formatPercent(set.correctCount, set.gradedCount)}</NumTd>
      <Td className={set.searchIndex === "ready" ? "text-slate-500" : "text-amber-700"}>{SEARCH_STATE[set.searchIndex]}</Td>
    </>
  );
}

function SetTable({ label, sets, empty }: { label: string; sets: ProblemSetRow[]; empty: string }) {
  return (
    <ListTable label={label} columns={SET_COLUMNS} items={sets} empty={empty} cells={(set) => <SetCells set={set} />} />
  );
}

export default async function SetsPage() {
  const user = await requirePageUser("dashboard.view");
  const mayImport = can(user.role, "sets.import");
  const [sets, imports] = await Promise.all([listProblemSets(), mayImport ? listRecentTasks("import", 10) : Promise.resolve([])]);
  const archived = sets.filter((set) => set.archivedAt !== null);
  return (
    <div className="space-y-8">
      <PageHeader
        title="Problem sets"
        description="Seed, synthetic and benchmark sets with their problem and solution counts."
        actions={
          mayImport && (
            <Link href="/sets/import" className={buttonClass({ variant: "primary" })}>
              Import a file
            </Link>
          )
        }
      />
      <SetTable label="Problem sets" sets={sets.filter((set) => set.archivedAt === null)} empty="No problem sets yet." />
      {archived.length > 0 && (
        <details className="space-y-2">
          <summary className="cursor-pointer text-sm font-medium text-slate-700">Archived sets ({archived.length})</summary>
          <SetTable label="Archived problem sets" sets={archived} empty="" />
        </details>
      )}
      {mayImport && <RecentImports imports={imports} />}
    </div>
  );
}
