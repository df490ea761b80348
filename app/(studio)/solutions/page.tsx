import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { renderLatex, renderMathInline } from "@/components/math/render-math-markdown";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { setsWithoutSearchIndex } from "@/lib/datasets/search-index/search-index-state";
import { UserFacingError } from "@/lib/errors";
import { listReviewQueueNames } from "@/lib/review/find-review-queues";
import { countSolutions } from "@/lib/solutions/count-solutions";
import { listFacetOptions } from "@/lib/solutions/find-solution-facets";
import { findSolutions, type SolutionPage } from "@/lib/solutions/find-solutions";
import { parseSolutionView, solutionViewParams } from "@/lib/solutions/solution-view";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { FilterPanel } from "./filter-panel";
import { MatchCount } from "./match-count";
import { SolutionsTable } from "./solutions-table";
import type { TableRow } from "./table-row";

export const metadata: Metadata = { title: "Solutions" };

export default async function SolutionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("dashboard.view");
  const { view, ignored } = parseSolutionView(await searchParams);
  let page: SolutionPage = { rows: [], next: null, previous: null };
  let problem: string | null = null;
  try {
    page = await findSolutions(view);
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    problem = error.oneLine();
  }
  const canBulk = can(user.role, "samples.bulk");
  const [options, queues, unindexed] = await Promise.all([
    listFacetOptions(view.filter),
    canBulk ? listReviewQueueNames() : [],
    // A large new set's search index is built after its import and grading (docs/datasets.md).
    view.filter.solutionText ? setsWithoutSearchIndex(view.filter.setIds.length > 0 ? view.filter.setIds : undefined) : [],
  ]);
  // Streamed after the rows: the page never waits for counting (facet counts are fetched by the
  // filter panel once the rows are on screen).
  // A page that did not load (a search past its time limit) is not counted either: the count would
  // read the same rows, and a number beside an empty table would say the opposite of the message.
  const count = problem ? Promise.resolve(null) : countSolutions(view.filter).catch(() => null);
  const rows: TableRow[] = page.rows.map((row) => ({
    ...row,
    problemHtml: renderMathInline(row.problemHead),
    answerHtml: row.extractedAnswer === null ? null : renderLatex(row.extractedAnswer),
    goldHtml: row.goldAnswer === null ? null : renderLatex(row.goldAnswer),
  }));
  const queueFromFilter = `/review?${new URLSearchParams({ from: solutionViewParams({ filter: view.filter, sort: view.sort, columns: null }).toString() })}`;

  return (
    <div className="space-y-4">
      <PageHeader
        title="Solutions"
        description="Every generated and imported solution, with its verdict and review. The address holds the view: copy it to share."
        actions={
          can(user.role, "review.queue.create") && (
            <Link href={queueFromFilter} className="text-sm text-sky-700 hover:underline">
              New review queue from this filter →
            </Link>
          )
        }
      />
      {ignored.length > 0 && (
        <Alert tone="warning" banner urgent>
          Ignored in the address: {ignored.join("; ")}.
        </Alert>
      )}
      {unindexed.length > 0 && (
        <Alert tone="info" banner>
          The search index of {unindexed.map((s) => s.setName).join(", ")} is {unindexed.some((s) => s.state === "building") ? "being built" : "not built yet"}:
          text search reads every solution of {unindexed.length === 1 ? "that set" : "those sets"} until it is there, so it may be slow or time out.
        </Alert>
      )}
      {problem && (
        <Alert tone="error" banner>
          {problem}
        </Alert>
      )}
      <div className="flex gap-6">
        <FilterPanel options={options} />
        <div className="min-w-0 flex-1">
          <SolutionsTable
            rows={rows}
            next={page.next}
            previous={page.previous}
            canBulk={canBulk}
            queues={queues}
            emptyText={problem ? "The rows of this view could not be read: see the message above." : undefined}
            matchCount={
              <Suspense fallback={<span className="text-slate-500">Counting…</span>}>
                <MatchCount count={count} />
              </Suspense>
            }
          />
        </div>
      </div>
    </div>
  );
}
