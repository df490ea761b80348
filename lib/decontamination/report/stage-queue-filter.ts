// Which slice of the review queue each funnel stage counts, so a click on a stage opens exactly
// those problems (/decontamination/review with the filter in the URL). Pure.
import type { FunnelStage } from "@/lib/decontamination/report/decontam-report";
import { QUEUE_ORDER, type ReviewFilter, WITH_CLOSE_PAIRS } from "@/lib/decontamination/review/review-filter";

export function stageQueueFilter(stage: FunnelStage, benchmarkSetId: number | null): ReviewFilter {
  const base = { set: null, benchmark: null, benchmarkSet: benchmarkSetId };
  switch (stage) {
    case "checked":
      return { ...base, statuses: QUEUE_ORDER.filter((s) => s !== "unchecked"), pair: "any" };
    case "candidates":
      return { ...base, statuses: [...WITH_CLOSE_PAIRS], pair: "close" };
    case "judged":
      return { ...base, statuses: [...WITH_CLOSE_PAIRS], pair: "judged" };
    case "judgeFailures":
      return { ...base, statuses: [...WITH_CLOSE_PAIRS], pair: "judge_failed" };
    case "flagged":
      return { ...base, statuses: [...WITH_CLOSE_PAIRS], pair: "machine_flagged" };
    case "confirmed":
      return { ...base, statuses: ["contaminated"], pair: "close" };
    case "cleared":
      return { ...base, statuses: ["cleared"], pair: "close" };
  }
}
