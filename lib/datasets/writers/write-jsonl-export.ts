import type { Writable } from "node:stream";
import { exportObject, type JsonlExportFormat } from "@/lib/datasets/formats/export-objects";
import type { ExportResult, ExportRow } from "@/lib/datasets/formats/export-row";
import type { PromptOptions } from "@/lib/datasets/formats/llama3-math-prompt";
import { WritableSink } from "@/lib/datasets/writers/writable-sink";

export interface JsonlExportOptions {
  format: JsonlExportFormat;
  /** Prompt settings for nemo-sft and messages. */
  prompt?: PromptOptions;
  /** End the output stream when done (default true). */
  end?: boolean;
}

/** Stream rows to `out` as JSONL (one object per line, "\n" endings, UTF-8). Pulls the next row
 * only when the output has room, so an async source (a DB cursor) is never read ahead. */
export async function writeJsonlExport(
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>,
  out: Writable,
  options: JsonlExportOptions,
): Promise<ExportResult> {
  const sink = new WritableSink(out);
  let count = 0;
  for await (const row of rows) {
    await sink.writeText(`${JSON.stringify(exportObject(options.format, row, options.prompt))}\n`);
    count++;
  }
  await sink.end(options.end ?? true);
  return { rows: count, bytes: sink.bytes };
}
