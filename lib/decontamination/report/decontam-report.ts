// The decontamination report's shape and its Markdown form (pure). Built by
// build-decontam-report.ts; served as JSON and Markdown by app/api/decontamination/report and
// `boxed decontam report`, and drawn as a funnel on /decontamination.

export interface ReportRow {
  /** Benchmark set name; null for the total over all benchmark sets (distinct problems). */
  benchmarkSet: string | null;
  benchmarkSetId: number | null;
  /** Synthesized problems retrieved against the set (latest completed retrieval run per synthetic set). */
  checked: number;
  /** With a close pair: exact, or at/above the thresholds. */
  candidates: number;
  /** With a close pair the judge answered in both orders (True, False or failed). */
  judged: number;
  /** With a failed judge answer (malformed reply, error or timeout): sent to people, never clean. */
  judgeFailures: number;
  /** Flagged by a machine: an exact match or a "True" in either order. */
  flagged: number;
  /** With a close pair, and a person decided "contaminated". */
  confirmed: number;
  /** With a close pair, and a person decided "clean". */
  cleared: number;
  /** With a close pair, and a person was unsure. */
  unsure: number;
  /** With a close pair and no decision yet (flagged, judge_failed or candidate). */
  awaitingReview: number;
}

export interface DecontamReport {
  generatedAt: string;
  threshold: number;
  embeddingThreshold: number;
  rows: ReportRow[];
  total: ReportRow;
  definitions: Record<Exclude<keyof ReportRow, "benchmarkSet" | "benchmarkSetId">, string>;
}

export const REPORT_DEFINITIONS: DecontamReport["definitions"] = {
  checked: "synthesized problems retrieved against the set (latest completed retrieval run of each synthetic set)",
  candidates: "problems with a close pair: an exact match, or a score at or above the threshold",
  judged: "problems with a close pair the LLM judge answered in both orders",
  judgeFailures: "problems with a close pair whose judge answer was not a bare True/False, an error or a timeout (sent to people, never counted as clean)",
  flagged: "problems flagged by a machine on a close pair: an exact match, or the judge said True in either order",
  confirmed: "problems with a close pair that a person decided are contaminated",
  cleared: "problems with a close pair that a person decided are clean",
  unsure: "problems with a close pair that a person marked unsure",
  awaitingReview: "problems with a close pair and no decision yet",
};

/** The funnel's stages in order, with their titles: the stage list is these keys, written once. */
export const STAGE_TITLES = {
  checked: "Checked",
  candidates: "Candidates",
  judged: "Judged",
  judgeFailures: "Judge failures",
  flagged: "Flagged",
  confirmed: "Confirmed by a person",
  cleared: "Cleared by a person",
} as const;
export type FunnelStage = keyof typeof STAGE_TITLES;
export const FUNNEL_STAGES = Object.keys(STAGE_TITLES) as FunnelStage[];

const n = (x: number) => x.toLocaleString("en-US");

export function reportToMarkdown(report: DecontamReport): string {
  const head = ["Benchmark set", ...FUNNEL_STAGES.map((s) => STAGE_TITLES[s]), "Unsure", "Awaiting review"];
  const line = (r: ReportRow) => `| ${[r.benchmarkSet ?? "**all sets (distinct problems)**", ...FUNNEL_STAGES.map((s) => n(r[s])), n(r.unsure), n(r.awaitingReview)].join(" | ")} |`;
  return [
    "# Decontamination report",
    "",
    `Generated ${report.generatedAt}. Close pair: exact, or lexical score >= ${report.threshold} (or embedding cosine >= ${report.embeddingThreshold}).`,
    "",
    `| ${head.join(" | ")} |`,
    `|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
    ...report.rows.map(line),
    line(report.total),
    "",
    "## Definitions",
    "",
    ...Object.entries(report.definitions).map(([key, text]) => `- **${key}**: ${text}`),
    "",
  ].join("\n");
}
