// One export, from the database to a Node Writable: resolve the scope, read it in one
// REPEATABLE READ transaction (a consistent snapshot even while workers keep writing), filter,
// write the chosen format with backpressure, and return the manifest. The callers decide where
// the bytes go: a file (CLI, export job) or an HTTP response (the browser download).
// When every filter in force is decidable in SQL, a JSONL export takes the COPY fast path
// (copy-jsonl-export.ts): same bytes and manifest, about twice the speed.
import type { Writable } from "node:stream";
import { canExportInSql, copyJsonlExport } from "@/lib/datasets/export/copy-jsonl-export";
import type { ExportManifest } from "@/lib/datasets/export/export-manifest";
import { type ExportSettings, parseExportSettings, type ExportSettingsInput } from "@/lib/datasets/export/export-settings";
import { ExportStats } from "@/lib/datasets/export/export-stats";
import { resolveExportSets } from "@/lib/datasets/export/resolve-export-sets";
import { selectExportRows } from "@/lib/datasets/export/select-export-rows";
import type { ExportResult, ExportRow } from "@/lib/datasets/formats/export-row";
import { writeJsonlExport } from "@/lib/datasets/writers/write-jsonl-export";
import { writeOmi2Parquet } from "@/lib/datasets/writers/write-omi2-parquet";
import { isReleaseSource, RELEASE_SOURCES } from "@/lib/datasets/formats/release-sources";
import { pool } from "@/lib/db/pool";
import { TOKENIZER_LABEL } from "@/lib/grading/filters/count-tokens";

export interface ExportProgress {
  scanned: number;
  kept: number;
  /** Upper bound: the solution counters of the chosen sets. */
  total: number;
}

export interface RunExportOptions {
  fileName: string;
  user: { id: number; email: string } | null;
  taskId?: number | null;
  onProgress?: (progress: ExportProgress) => void;
  /** Called once the scope is known, before the first byte: lets a caller reject early. */
  onStart?: (info: { total: number; sets: string[] }) => void;
  /** "general" forces the JavaScript filter path even when SQL could do it (tests, benchmarks). */
  path?: "auto" | "general";
  /** Problems per COPY statement on the fast path (tests make it small to cross page bounds). */
  problemsPerCopy?: number;
}

function write(settings: ExportSettings, rows: AsyncIterable<ExportRow>, out: Writable): Promise<ExportResult> {
  const json = settings.pythonJson ? "python" : "javascript";
  switch (settings.format) {
    case "omi2-parquet":
      return writeOmi2Parquet(rows, out, { nullableAnswer: !settings.dropWithoutGold });
    case "omi2-jsonl":
      return writeJsonlExport(rows, out, { format: "omi2", json });
    case "nemo-sft":
      return writeJsonlExport(rows, out, { format: "nemo-sft", json });
    case "messages":
      return writeJsonlExport(rows, out, { format: "messages", json });
  }
}

/** Sources written that the release does not have (a set's name where gsm8k or augmented_math
 * belongs, say), with their rows: a trainer or a comparison expecting the release's values would
 * see them. Null when every source is one of the release's. */
function sourcesOutsideRelease(perSource: Record<string, number>): ExportManifest["sourcesOutsideRelease"] {
  const others = Object.entries(perSource).filter(([source]) => !isReleaseSource(source));
  if (others.length === 0) return null;
  return {
    note: `${others.length === 1 ? "this source is" : "these sources are"} not one of the release's (${RELEASE_SOURCES.join(", ")}); set one at import with --source`,
    rows: Object.fromEntries(others),
  };
}

export async function runExport(input: ExportSettingsInput, out: Writable, options: RunExportOptions): Promise<ExportManifest> {
  const settings = parseExportSettings(input);
  const startedAt = new Date();
  const stats = new ExportStats();
  const client = await pool().connect();
  let broken = false;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    const sets = await resolveExportSets(client, settings.sets);
    const total = sets.reduce((sum, s) => sum + s.sampleCount, 0);
    options.onStart?.({ total, sets: sets.map((s) => s.name) });
    const scope = {
      setIds: sets.map((s) => s.id),
      sources: settings.sources,
      batchIds: settings.batches,
      includeReferences: settings.includeReferences,
      correctOnly: settings.correctOnly,
      excludeContaminated: settings.excludeContaminated,
      dropWithoutGold: settings.dropWithoutGold,
      dropNearDuplicates: settings.dropNearDuplicates,
    };
    const onPage = () => options.onProgress?.({ scanned: stats.scanned, kept: stats.kept, total });
    const path = options.path !== "general" && canExportInSql(settings) ? "copy" : "stream";
    const result =
      path === "copy"
        ? await copyJsonlExport(client, scope, settings, stats, out, onPage, options.problemsPerCopy)
        : await write(settings, selectExportRows(client, scope, settings, stats, onPage), out);
    await client.query("COMMIT");
    const finishedAt = new Date();
    const perSource = stats.perSourceJson();
    return {
      manifestVersion: 1,
      file: options.fileName,
      format: settings.format,
      rows: result.rows,
      bytes: result.bytes,
      scanned: stats.scanned,
      trimmed: stats.trimmed,
      perSource,
      sourcesOutsideRelease: sourcesOutsideRelease(perSource),
      perProvenance: { ...stats.perProvenance },
      references: { included: settings.includeReferences, leftOut: stats.referencesLeftOut, examples: [...stats.referenceExamples] },
      removed: stats.removedJson(),
      sets: sets.map(({ id, name, role }) => ({ id, name, role })),
      settings,
      tokenizer: TOKENIZER_LABEL,
      path,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      user: options.user,
      taskId: options.taskId ?? null,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    if (!out.destroyed) out.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  } finally {
    client.release(broken);
  }
}
