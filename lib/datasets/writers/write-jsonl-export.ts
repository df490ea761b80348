import type { Writable } from "node:stream";
import { exportObject, type JsonlExportFormat, type JsonStyle } from "@/lib/datasets/formats/export-objects";
import type { ExportResult, ExportRow } from "@/lib/datasets/formats/export-row";
import type { PromptOptions } from "@/lib/datasets/formats/llama3-math-prompt";
import { pythonJsonDumps } from "@/lib/datasets/writers/python-json";
import { WritableSink } from "@/lib/datasets/writers/writable-sink";

export interface JsonlExportOptions {
  format: JsonlExportFormat;
  /** Prompt settings for nemo-sft and messages. */
  prompt?: PromptOptions;
  /** "python": written as Python's json.dumps writes (NeMo-Skills' key order, ", " / ": ",
   * ASCII escapes), so the file byte-compares with one NeMo-Skills built. Default "javascript". */
  json?: JsonStyle;
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
  const style = options.json ?? "javascript";
  const stringify = style === "python" ? pythonJsonDumps : JSON.stringify;
  for await (const row of rows) {
    await sink.writeText(`${stringify(exportObject(options.format, row, options.prompt, style))}\n`);
    count++;
  }
  await sink.end(options.end ?? true);
  return { rows: count, bytes: sink.bytes };
}
