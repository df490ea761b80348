import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { findDecontamChoices, findJudgeRuns, findRetrievalRuns } from "@/lib/decontamination/pipeline/find-decontam-runs";
import { DEFAULT_EMBEDDING_THRESHOLD } from "@/lib/decontamination/pipeline/run-retrieval";
import { cachedDecontamReport } from "@/lib/decontamination/report/cached-decontam-report";
import { DEFAULT_FLAG_THRESHOLD } from "@/lib/decontamination/retrieve";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
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
      <PageHeader
        title="Decontamination"
        description={
          <>
            Synthesized problems are checked against the benchmark sets: retrieval finds each one&apos;s nearest test problems (an exact match flags at once), an LLM
            judge asks about the close pairs in both orders, and people decide. Flagged and contaminated problems stay out of exports.
          </>
        }
        actions={
          <div className="flex gap-2">
            <Link href="/decontamination/clusters" className={buttonClass()}>
              Question diversity
            </Link>
            <Link href="/decontamination/review" className={buttonClass({ variant: "primary" })}>
              Review queue ({report.total.awaitingReview.toLocaleString("en-US")} awaiting)
            </Link>
          </div>
        }
      />
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
