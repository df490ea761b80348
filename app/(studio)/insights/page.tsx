import type { Metadata } from "next";
import { SampleBreakdownChart } from "@/components/charts/sample-breakdown-chart";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listSetChoices } from "@/lib/datasets/sets/list-set-choices";
import { findAgreementHistogram } from "@/lib/insights/find-agreement-histogram";
import { findContaminationFunnel } from "@/lib/insights/find-contamination-funnel";
import { findLengthHistograms } from "@/lib/insights/find-length-histograms";
import { findPassAtKCurves } from "@/lib/insights/find-pass-at-k-curves";
import { findReferenceCheck } from "@/lib/insights/find-reference-check";
import { findSampleBreakdown } from "@/lib/insights/find-sample-breakdown";
import { findSuspectGold } from "@/lib/insights/find-suspect-gold";
import { findUngradableCauses } from "@/lib/insights/find-ungradable-causes";
import { parseInsightScope, scopeSetIds } from "@/lib/insights/insight-scope";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { AgreementSection } from "./agreement-section";
import { FunnelSection } from "./funnel-section";
import { LengthSection } from "./length-section";
import { PassAtKSection } from "./pass-at-k-section";
import { ReferenceCheckSection } from "./reference-check-section";
import { ScopePicker } from "./scope-picker";
import { SuspectGoldTable } from "./suspect-gold-table";
import { UngradableSection } from "./ungradable-section";

export const metadata: Metadata = { title: "Insights" };

export default async function InsightsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("dashboard.view");
  const scope = parseInsightScope(await searchParams);
  // Every query reads the aggregate tables (docs/insights.md), so they run side by side.
  const [sets, bySource, byBatch, byModel, agreement, lengths, passAtK, funnels, suspects, ungradable, referenceCheck] = await Promise.all([
    listSetChoices(),
    findSampleBreakdown("source", scope),
    findSampleBreakdown("batch", scope),
    findSampleBreakdown("model", scope),
    findAgreementHistogram(scope),
    findLengthHistograms(scope),
    findPassAtKCurves(scope),
    findContaminationFunnel(),
    findSuspectGold(),
    findUngradableCauses(scope),
    findReferenceCheck(scope),
  ]);
  return (
    <div className="space-y-8">
      <PageHeader
        title="Insights"
        description={
          <>
            Where the generated solutions come from, how often they are right, and what to look at next. Every bar and point opens the matching solutions.
            Reference solutions (the worked answers that came with a problem file) are left out of every model figure and checked on their own below.
          </>
        }
      >
        <ScopePicker sets={sets} current={scope.setId} />
      </PageHeader>
      <Section look="page" id="correctness" title="Generated solutions and correct share">
        <div className="grid gap-4 xl:grid-cols-2">
          <SampleBreakdownChart dimension="source" rows={bySource} />
          <SampleBreakdownChart dimension="batch" rows={byBatch} />
          <SampleBreakdownChart dimension="model" rows={byModel} />
        </div>
      </Section>
      <Section look="page" id="pass-at-k" title="pass@k">
        <PassAtKSection curves={passAtK} />
      </Section>
      <Section look="page" id="lengths" title="Lengths and agreement">
        <LengthSection histograms={lengths} />
        <AgreementSection histogram={agreement} />
      </Section>
      <Section look="page" id="to-review" title="Worth a look">
        <ReferenceCheckSection rows={referenceCheck} />
        <SuspectGoldTable rows={suspects} />
        <UngradableSection data={ungradable} setIds={scopeSetIds(scope)} />
        <FunnelSection funnels={funnels} />
      </Section>
    </div>
  );
}
