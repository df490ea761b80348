// An export written to a file with its manifest beside it (`<file>.manifest.json`). The data goes
// to `<file>.partial` first and is renamed at the end, so a failed or interrupted export never
// leaves a file that looks complete. Used by the CLI and the export job. An export audits itself
// (`dataset.export`, the same details from the CLI, the job and the browser download): on its own
// when nothing else changes (the CLI), or through `finish`, which the job uses to write the entry in
// the transaction that finishes its Task.
import { createWriteStream } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { recordAudit } from "@/lib/audit/record-audit";
import { type ExportManifest, manifestPathFor } from "@/lib/datasets/export/export-manifest";
import type { ExportSettingsInput } from "@/lib/datasets/export/export-settings";
import { type RunExportOptions, runExport } from "@/lib/datasets/export/run-export";
import { errorMessage, type TaskAuditEntry, toJson } from "@/lib/tasks/task-rows";

/** How an export ended: its manifest, or the error that stopped it. */
export type ExportOutcome = { ok: true; manifest: ExportManifest } | { ok: false; error: string };

export interface ExportAuditOptions {
  user: { id: number } | null;
  via: "cli" | "web";
  taskId?: number | null;
}

/** The dataset.export entry of a finished or failed export, whichever way it ran. */
export function exportAudit(outcome: ExportOutcome, fileName: string, options: ExportAuditOptions): TaskAuditEntry {
  return {
    userId: options.user?.id ?? null,
    action: "dataset.export",
    objectType: "task",
    objectId: options.taskId ?? null,
    details: outcome.ok ? auditDetails(outcome.manifest, options.via) : { ok: false, file: fileName, error: outcome.error, via: options.via },
  };
}

export async function exportToFile(
  settings: ExportSettingsInput,
  file: string,
  options: Omit<RunExportOptions, "fileName"> & {
    via: "cli" | "web";
    /** Records the outcome with its entry (default: the entry on its own). */
    finish?: (outcome: ExportOutcome, entry: TaskAuditEntry) => Promise<void>;
  },
): Promise<ExportManifest> {
  const finish = options.finish ?? ((_outcome, entry) => recordAudit({ ...entry, details: toJson(entry.details) }));
  const partial = `${file}.partial`;
  // A few MiB of write-behind: the disk writes while PostgreSQL produces the next rows, instead of
  // each waiting for the other at every 16 KiB (the default), for a bounded amount of memory.
  const out = createWriteStream(partial, { highWaterMark: 8 << 20 });
  // A failed export destroys the stream with its error; the rejection below reports it.
  out.on("error", () => {});
  let manifest: ExportManifest;
  try {
    manifest = await runExport(settings, out, { ...options, fileName: basename(file) });
    await rename(partial, file);
    await writeFile(manifestPathFor(file), `${JSON.stringify(manifest, null, 2)}\n`);
  } catch (error) {
    await rm(partial, { force: true });
    const outcome: ExportOutcome = { ok: false, error: errorMessage(error) };
    await finish(outcome, exportAudit(outcome, basename(file), options));
    throw error;
  }
  const outcome: ExportOutcome = { ok: true, manifest };
  await finish(outcome, exportAudit(outcome, basename(file), options));
  return manifest;
}

function auditDetails(manifest: ExportManifest, via: "cli" | "web") {
  return {
    ok: true,
    file: manifest.file,
    format: manifest.format,
    rows: manifest.rows,
    bytes: manifest.bytes,
    scanned: manifest.scanned,
    sets: manifest.sets.map((s) => s.name),
    removed: Object.fromEntries(Object.entries(manifest.removed).map(([k, v]) => [k, v.count])),
    settings: manifest.settings,
    via,
  };
}
