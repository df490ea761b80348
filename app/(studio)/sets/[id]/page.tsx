import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { type DataColumn, ListTable, numberColumn, NumTd, Td } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { StatCard } from "@/components/ui/stat-card";
import { requirePageUser } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { findSetDetail, type SetDetail } from "@/lib/datasets/sets/find-set-detail";
import { formatInteger, formatPercent } from "@/lib/format";
import { solutionsLink } from "@/lib/insights/solutions-link";
import { StatusBadge } from "../../solutions/status-badge";
import { BatchTable } from "../../batches/batch-table";
import { SetManagement } from "./set-management";

export const metadata: Metadata = { title: "Problem set" };

const IMPORT_COLUMNS: DataColumn[] = [{ header: "Import" }, { header: "State" }, numberColumn("Problems"), numberColumn("Solutions"), { header: "When" }];

function ImportCells({ task: t }: { task: SetDetail["imports"][number] }) {
  return (
    <>
      <Td className="max-w-[28rem] truncate" title={t.label}>
        #{t.id} {t.label}
      </Td>
      <Td>
        <StatusBadge value={t.state} />
      </Td>
      <NumTd>{t.problemsInserted === null ? "–" : formatInteger(t.problemsInserted)}</NumTd>
      <NumTd>{t.solutionsInserted === null ? "–" : formatInteger(t.solutionsInserted)}</NumTd>
      <Td className="text-slate-500">{t.createdAt.slice(0, 16).replace("T", " ")}</Td>
    </>
  );
}

export default async function SetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("dashboard.view");
  const raw = (await params).id;
  const id = /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) notFound();
  const set = await findSetDetail(id);
  if (!set) notFound();
  const of = (provenance: "generated" | "reference") => set.solutionsByVerdict.filter((v) => v.provenance === provenance);
  const tally = (rows: SetDetail["solutionsByVerdict"]) => {
    const total = rows.reduce((sum, v) => sum + v.solutions, 0);
    const graded = rows.filter((v) => v.verdict !== "ungraded").reduce((sum, v) => sum + v.solutions, 0);
    const correct = rows.filter((v) => v.verdict === "equal").reduce((sum, v) => sum + v.solutions, 0);
    return { total, graded, correct };
  };
  const generated = tally(of("generated"));
  const references = tally(of("reference"));
  const maxSource = Math.max(1, ...set.problemsBySource.map((s) => s.problems));
  return (
    <div className="max-w-6xl space-y-8">
      <header className="space-y-1">
        <p className="text-sm text-slate-500">
          <Link href="/sets" className="hover:underline">
            Problem sets
          </Link>{" "}
          · #{set.id} · {set.role} · created {set.createdAt.slice(0, 10)}
        </p>
        <h1 className="break-words text-2xl font-semibold tracking-tight">{set.name}</h1>
        {set.archivedAt && (
          <p role="status" className="inline-block rounded bg-amber-50 px-2 py-0.5 text-sm text-amber-800 ring-1 ring-amber-200">
            Archived {set.archivedAt.slice(0, 10)}: hidden from the solution filters and the launch form.
          </p>
        )}
        {set.description && <p className="text-sm text-slate-600">{set.description}</p>}
      </header>

      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <StatCard label="Problems" value={formatInteger(set.problemCount)} />
        <StatCard label="Solutions" value={<Link href={solutionsLink({ setIds: [set.id] })} className="hover:underline">{formatInteger(set.sampleCount)}</Link>} />
        <StatCard
          label="Correct share (generated)"
          value={formatPercent(generated.correct, generated.graded)}
          hint={`${formatInteger(generated.correct)} of ${formatInteger(generated.graded)} graded model-written solutions`}
        />
        <StatCard
          label="References agreeing with the gold"
          value={references.total === 0 ? "–" : formatPercent(references.correct, references.graded)}
          hint={references.total === 0 ? "no reference solutions" : `${formatInteger(references.correct)} of ${formatInteger(references.graded)} graded references (data quality)`}
        />
      </dl>

      <div className="grid gap-8 lg:grid-cols-2">
        <Section title="Problems by source" empty={set.problemsBySource.length === 0 && "No problems yet."}>
          <ul className="space-y-1 text-sm">
              {set.problemsBySource.map((s) => (
                <li key={s.source} className="grid grid-cols-[10rem_1fr_6rem] items-center gap-3">
                  <Link className="truncate text-sky-700 hover:underline" href={solutionsLink({ setIds: [set.id], sources: [s.source] })} title={s.source}>
                    {s.source}
                  </Link>
                  <span className="h-2 rounded bg-slate-200">
                    <span className="block h-2 rounded bg-slate-700" style={{ width: `${(s.problems / maxSource) * 100}%` }} />
                  </span>
                  <span className="text-right tabular-nums">{formatInteger(s.problems)}</span>
                </li>
              ))}
          </ul>
        </Section>
        <Section title="Solutions by verdict" empty={set.solutionsByVerdict.length === 0 && "No solutions yet."}>
          {(["generated", "reference"] as const).map((provenance) => {
              const rows = of(provenance);
              if (rows.length === 0) return null;
              const total = provenance === "generated" ? generated.total : references.total;
              return (
                <div key={provenance} className="space-y-1">
                  <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">
                    {provenance === "generated" ? "Generated (model-written)" : "References (came with the problem file)"}
                  </h3>
                  <ul className="space-y-1 text-sm">
                    {rows.map((v) => (
                      <li key={v.verdict} className="flex items-center justify-between gap-3">
                        <Link href={solutionsLink({ setIds: [set.id], provenances: [provenance], verdicts: [v.verdict] })} className="hover:underline">
                          <StatusBadge value={v.verdict} />
                        </Link>
                        <span className="tabular-nums">
                          {formatInteger(v.solutions)} <span className="text-slate-500">({formatPercent(v.solutions, total)})</span>
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
        </Section>
      </div>

      <Section title="Batches that wrote into this set">
        <BatchTable label="Batches of this set" batches={set.batches} empty="No batches wrote into this set." />
      </Section>

      <Section title="Imports into this set">
        <ListTable label="Imports of this set" columns={IMPORT_COLUMNS} items={set.imports} empty="No imports recorded for this set." cells={(t) => <ImportCells task={t} />} />
      </Section>

      {can(user.role, "sets.manage") && <SetManagement setId={set.id} name={set.name} archived={set.archivedAt !== null} />}
    </div>
  );
}
