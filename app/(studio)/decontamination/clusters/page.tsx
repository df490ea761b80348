// Question diversity (issue #20): near-duplicate clusters of one set. Everything shown comes from
// the summary the clustering task stored (cluster count, largest clusters, per-seed distinct
// counts) plus the members of those few clusters (bounded by LIMIT): no scan of the set on load.
// Viewers see; curators (decontam.run) start a clustering and keep one problem per cluster.
import type { Metadata } from "next";
import Link from "next/link";
import { RefreshWhenTaskEnds } from "@/components/tasks/refresh-when-task-ends";
import { type DataColumn, DataTable, numberColumn, NumTd, Row, Td } from "@/components/ui/data-table";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listSetChoices } from "@/lib/datasets/sets/list-set-choices";
import { clusterMembers, latestClustering } from "@/lib/decontamination/diversity/cluster-task";
import { PageHeader } from "@/components/ui/page-header";
import { ClusterButtons } from "./cluster-buttons";

export const metadata: Metadata = { title: "Question diversity" };

const fmt = (n: number) => n.toLocaleString("en-US");
const SEED_COLUMNS: DataColumn[] = [{ header: "Seed" }, numberColumn("Problems"), numberColumn("Distinct")];

export default async function ClustersPage({ searchParams }: { searchParams: Promise<{ set?: string }> }) {
  const user = await requirePageUser("dashboard.view");
  const { set } = await searchParams;
  const setId = Number(set);
  const sets = await listSetChoices({ includeArchived: false, order: "checked-first" });
  const chosen = Number.isInteger(setId) ? sets.find((s) => s.id === setId) : undefined;
  return (
    <div className="max-w-6xl space-y-6">
      <PageHeader
        title="Question diversity"
        back={{ href: "/decontamination", label: "Decontamination" }}
        description={
          <>
            Near-duplicate synthesized problems (the same problem with other names or numbers, copies across seeds) grouped into clusters. Keeping one problem per
            cluster marks the others; exports leave them out with the near-duplicate filter (<code>--drop-near-duplicates</code>).
          </>
        }
      />
      <nav aria-label="Sets" className="flex flex-wrap gap-2 text-sm">
        {sets.map((s) => (
          <Link
            key={s.id}
            href={`/decontamination/clusters?set=${s.id}`}
            aria-current={s.id === chosen?.id ? "page" : undefined}
            className={`rounded border px-2 py-1 ${s.id === chosen?.id ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}
          >
            {s.name} · {s.role}
          </Link>
        ))}
      </nav>
      {set !== undefined && !chosen && <p className="text-sm text-red-700">Set {JSON.stringify(set)} was not found: choose one above.</p>}
      {chosen ? <SetClusters setId={chosen.id} name={chosen.name} problemCount={chosen.problemCount} canRun={can(user.role, "decontam.run")} /> : null}
    </div>
  );
}

async function SetClusters({ setId, name, problemCount, canRun }: { setId: number; name: string; problemCount: number; canRun: boolean }) {
  const latest = await latestClustering(setId);
  const summary = latest.summary;
  const members = summary ? await clusterMembers(setId, summary.largest.map((c) => c.clusterId)) : [];
  return (
    <section aria-labelledby="set-heading" className="space-y-4">
      {latest.runningTaskId !== null && <RefreshWhenTaskEnds taskId={latest.runningTaskId} />}
      <h2 id="set-heading" className="text-lg font-semibold">
        {name} <span className="text-sm font-normal text-slate-500">({fmt(problemCount)} problems)</span>
      </h2>
      {latest.runningTaskId !== null && <p className="text-sm text-amber-700">Clustering task #{latest.runningTaskId} is running…</p>}
      {canRun && <ClusterButtons setId={setId} clustered={summary !== null} running={latest.runningTaskId !== null} />}
      {!summary ? (
        <p className="text-sm text-slate-600">This set has not been clustered yet.</p>
      ) : (
        <>
          <dl className="grid max-w-3xl grid-cols-2 gap-3 text-sm sm:grid-cols-4">
            <Figure label="Problems clustered" value={fmt(summary.problems)} />
            <Figure label="Clusters" value={fmt(summary.clusters)} />
            <Figure label="Near-duplicates" value={fmt(summary.duplicates)} />
            <Figure label="Kept one per cluster" value={latest.keptMarked ? "yes" : "not yet"} />
          </dl>
          <p className="text-xs text-slate-500">
            Similarity threshold {summary.threshold} (estimated Jaccard of masked 3-grams){latest.finishedAt ? `, clustered ${latest.finishedAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : ""}.
          </p>
          <h3 className="text-base font-semibold">Largest clusters</h3>
          {summary.largest.length === 0 ? (
            <p className="text-sm text-slate-600">No near-duplicates: every problem is its own cluster.</p>
          ) : (
            <ol className="space-y-3">
              {summary.largest.map((c) => (
                <li key={c.clusterId} data-testid="cluster" className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                  <p className="font-medium">
                    Cluster of problem #{c.clusterId} · {fmt(c.size)} problems
                  </p>
                  <ul className="mt-2 space-y-1">
                    {members
                      .filter((m) => m.clusterId === c.clusterId)
                      .map((m) => (
                        <li key={m.problemId} className="flex gap-2">
                          <Link href={`/problems/${m.problemId}`} className="shrink-0 font-mono text-sky-700 hover:underline">
                            #{m.problemId}
                          </Link>
                          <span className="truncate text-slate-700">{m.firstLine}</span>
                          {m.kept === false && <span className="shrink-0 rounded bg-slate-100 px-1 text-xs text-slate-600">near-duplicate</span>}
                          {m.kept === true && <span className="shrink-0 rounded bg-emerald-50 px-1 text-xs text-emerald-700">kept</span>}
                        </li>
                      ))}
                  </ul>
                  {c.size > 10 && <p className="mt-1 text-xs text-slate-500">first 10 of {fmt(c.size)}</p>}
                </li>
              ))}
            </ol>
          )}
          {summary.seeds.some((s) => s.seedId !== null) && (
            <>
              <h3 className="text-base font-semibold">Distinct problems per seed</h3>
              <DataTable label="Distinct problems per seed" variant="plain" columns={SEED_COLUMNS} fit>
                {summary.seeds.map((s) => (
                  <Row key={s.seedId ?? "none"}>
                    <Td>{s.seedId === null ? "no seed" : <Link href={`/problems/${s.seedId}`} className="text-sky-700 hover:underline">#{s.seedId}</Link>}</Td>
                    <NumTd>{fmt(s.problems)}</NumTd>
                    <NumTd>{fmt(s.distinct)}</NumTd>
                  </Row>
                ))}
              </DataTable>
            </>
          )}
        </>
      )}
    </section>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold">{value}</dd>
    </div>
  );
}
