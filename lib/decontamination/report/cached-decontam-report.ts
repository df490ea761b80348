// The report for page loads: recomputed only when something that feeds it changed. The
// fingerprint is a few indexed reads (newest audit entry: decisions, undo, group flags, runs
// starting and finishing; judge batches' progress; retrieval Tasks' progress), against ~1 s for
// the report itself at 600K problems (docs/benchmarks.md, decontam-db). Per process.
import { pool } from "@/lib/db/pool";
import { buildDecontamReport } from "@/lib/decontamination/report/build-decontam-report";
import type { DecontamReport } from "@/lib/decontamination/report/decontam-report";
import { RETRIEVAL_TASK_KIND } from "@/lib/decontamination/pipeline/retrieval-task";
import { readSetting } from "@/lib/settings/read-settings";

const holder = globalThis as unknown as { boxedDecontamReport?: Map<string, { fingerprint: string; report: DecontamReport }> };

export async function reportFingerprint(): Promise<string> {
  const { rows } = await pool().query<{ audit: number | null; judge: string | null; tasks: Date | null }>(
    `SELECT (SELECT max(id) FROM audit_log) AS audit,
            (SELECT string_agg(id || ':' || done_count || ':' || failed_count || ':' || state, ',') FROM generation_batches WHERE kind = 'judge' AND state IN ('queued', 'running', 'paused')) AS judge,
            (SELECT max(updated_at) FROM tasks WHERE kind = $1) AS tasks`,
    [RETRIEVAL_TASK_KIND],
  );
  const r = rows[0];
  return `${r?.audit ?? 0}|${r?.judge ?? ""}|${r?.tasks?.toISOString() ?? ""}`;
}

export async function cachedDecontamReport(thresholds: { threshold: number; embeddingThreshold: number }): Promise<DecontamReport> {
  if (!holder.boxedDecontamReport) holder.boxedDecontamReport = new Map();
  const cache = holder.boxedDecontamReport;
  const key = `${readSetting("DATABASE_URL")}|${thresholds.threshold}|${thresholds.embeddingThreshold}`;
  const fingerprint = await reportFingerprint();
  const hit = cache.get(key);
  if (hit && hit.fingerprint === fingerprint) return hit.report;
  const report = await buildDecontamReport(thresholds);
  cache.set(key, { fingerprint, report });
  return report;
}
