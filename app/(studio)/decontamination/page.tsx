import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { findDecontamChoices, findJudgeRuns, findRetrievalRuns } from "@/lib/decontamination/pipeline/find-decontam-runs";
import { DEFAULT_EMBEDDING_THRESHOLD } from "@/lib/decontamination/pipeline/run-retrieval";
import { cachedDecontamReport } from "@/lib/decontamination/report/cached-decontam-report";
import { DEFAULT_FLAG_THRESHOLD } from "@/lib/decontamination/retrieve";
import { buttonClass } from "@/components/ui/button";
import { FunnelSection } from "./funnel-section";
import { JudgeForm } from "./judge-form";
import { RetrievalForm } from "./retrieval-form";
import { RunsSection } from "./runs-section";

export const metadata: Metadata = { title: "Decontamination" };

export default async function DecontaminationPage() {
  const user = await requirePageUser("dashboard.view");
  const [report, retrievals, judges, choices] = await Promise.all([
    cachedDecontamReport({ threshold: DEFAULT_FLAG_THRESHOLD, embeddingThreshold: DEFAULT_EMBEDDING_THRESHOLD }),
    findRetrievalRuns(),
    findJudgeRuns(),
    findDecontamChoices(),
  ]);
  const canRun = can(user.role, "decontam.run");
  return (
    <div className="max-w-6xl space-y-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Decontamination</h1>
          <p className="max-w-3xl text-sm text-slate-600">
            Synthesized problems are checked against the benchmark sets: retrieval finds each one&apos;s nearest test problems (an exact match flags at once), an LLM
            judge asks about the close pairs in both orders, and people decide. Flagged and contaminated problems stay out of exports.
          </p>
        </div>
        <div className="flex gap-2">
          <Link href="/decontamination/clusters" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
            Question diversity
          </Link>
          <Link href="/decontamination/review" className={buttonClass({ variant: "primary" })}>
            Review queue ({report.total.awaitingReview.toLocaleString("en-US")} awaiting)
          </Link>
        </div>
      </header>
      <FunnelSection report={report} />
      <RunsSection retrievals={retrievals} judges={judges} canRun={canRun} />
      {canRun && (
        <section aria-labelledby="run-heading" className="grid gap-6 lg:grid-cols-2">
          <h2 id="run-heading" className="sr-only">
            Run decontamination
          </h2>
          <RetrievalForm choices={choices} />
          <JudgeForm choices={choices} />
        </section>
      )}
    </div>
  );
}
