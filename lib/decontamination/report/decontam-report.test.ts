import { describe, expect, it } from "vitest";
import { type DecontamReport, REPORT_DEFINITIONS, type ReportRow, reportToMarkdown } from "@/lib/decontamination/report/decontam-report";
import { stageQueueFilter } from "@/lib/decontamination/report/stage-queue-filter";
import { reviewFilterQuery } from "@/lib/decontamination/review/review-filter";

const row = (name: string | null, id: number | null, base: number): ReportRow => ({
  benchmarkSet: name,
  benchmarkSetId: id,
  checked: 1000 * base,
  candidates: 40 * base,
  judged: 30 * base,
  judgeFailures: base,
  flagged: 5 * base,
  confirmed: 3 * base,
  cleared: 2 * base,
  unsure: 0,
  awaitingReview: base,
});

describe("reportToMarkdown", () => {
  it("writes one row per set, the total and the definitions", () => {
    const report: DecontamReport = { generatedAt: "2026-11-25T00:00:00.000Z", threshold: 0.4, embeddingThreshold: 0.9, rows: [row("gsm8k-test", 3, 1)], total: row(null, null, 2), definitions: REPORT_DEFINITIONS };
    const md = reportToMarkdown(report);
    expect(md).toContain("| Benchmark set | Checked | Candidates | Judged | Judge failures | Flagged | Confirmed by a person | Cleared by a person | Unsure | Awaiting review |");
    expect(md).toContain("| gsm8k-test | 1,000 | 40 | 30 | 1 | 5 | 3 | 2 | 0 | 1 |");
    expect(md).toContain("| **all sets (distinct problems)** | 2,000 | 80 | 60 | 2 | 10 | 6 | 4 | 0 | 2 |");
    expect(md).toContain("- **judgeFailures**: ");
  });
});

describe("stageQueueFilter", () => {
  it("links each stage to the queue slice it counts", () => {
    expect(reviewFilterQuery(stageQueueFilter("judgeFailures", 4))).toBe("?status=flagged,judge_failed,candidate,unsure,contaminated,cleared&pair=judge_failed&benchmarkSet=4");
    expect(reviewFilterQuery(stageQueueFilter("confirmed", null))).toBe("?status=contaminated&pair=close");
    expect(stageQueueFilter("checked", 2).statuses).not.toContain("unchecked");
  });
});
