// An export written to a file with its manifest beside it (`<file>.manifest.json`). The data goes
// to `<file>.partial` first and is renamed at the end, so a failed or interrupted export never
// leaves a file that looks complete. Used by the CLI and the export job; both audit here.
import { createWriteStream } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { recordAudit } from "@/lib/audit/record-audit";
import { type ExportManifest, manifestPathFor } from "@/lib/datasets/export/export-manifest";
import type { ExportSettingsInput } from "@/lib/datasets/export/export-settings";
import { type RunExportOptions, runExport } from "@/lib/datasets/export/run-export";

export async function exportToFile(
  settings: ExportSettingsInput,
  file: string,
  options: Omit<RunExportOptions, "fileName"> & { via: "cli" | "web" },
): Promise<ExportManifest> {
  const partial = `${file}.partial`;
  // A few MiB of write-behind: the disk writes while PostgreSQL produces the next rows, instead of
  // each waiting for the other at every 16 KiB (the default), for a bounded amount of memory.
  const out = createWriteStream(partial, { highWaterMark: 8 << 20 });
  // A failed export destroys the stream with its error; the rejection below reports it.
  out.on("error", () => {});
  let manifest: ExportManifest;
  try {
    manifest = await runExport(settings, out, { ...options, fileName: basename(file) });
  } catch (error) {
    await rm(partial, { force: true });
    await recordAudit({
      userId: options.user?.id ?? null,
      action: "dataset.export",
      objectType: "task",
      objectId: options.taskId ?? null,
      details: { ok: false, file: basename(file), error: error instanceof Error ? error.message : String(error), via: options.via },
    });
    throw error;
  }
  await rename(partial, file);
  await writeFile(manifestPathFor(file), `${JSON.stringify(manifest, null, 2)}\n`);
  await recordAudit({
    userId: options.user?.id ?? null,
    action: "dataset.export",
    objectType: "task",
    objectId: options.taskId ?? null,
    details: auditDetails(manifest, options.via),
  });
  return manifest;
}

export function auditDetails(manifest: ExportManifest, via: "cli" | "web") {
  return {
    ok: true,
    file: manifest.file,
    format: manifest.format,
    rows: manifest.rows,
    bytes: manifest.bytes,
    scanned: manifest.scanned,
    sets: manifest.sets.map((s) => s.name),
    removed: Object.fromEntries(Object.entries(manifest.removed).map(([k, v]) => [k, v.count])),
    settings: manifest.settings as never,
    via,
  };
}
