import { ImportError } from "@/lib/datasets/formats/import-error";
import type { ImportLocation } from "@/lib/datasets/formats/import-record";
import type { Row } from "@/lib/datasets/formats/row-fields";
import { fileByteChunks } from "@/lib/datasets/readers/byte-chunks";
import { csvRecords } from "@/lib/datasets/readers/csv-records";
import { parseJsonLine } from "@/lib/datasets/readers/json-line";
import { splitLines } from "@/lib/datasets/readers/line-splitter";
import type { ReadProgress } from "@/lib/datasets/readers/read-progress";
import { decodeUtf8Strict } from "@/lib/datasets/readers/utf8-text-chunks";

// Rows of a text file before any format mapping. A row that cannot be parsed is yielded as an
// error item rather than thrown, because the file can still be read past it: the strict reader
// throws it, the dry-run validator collects it and goes on. Errors that make the rest of the file
// unreadable (bad UTF-8, an unterminated CSV quote) are thrown.

export type RawItem = { row: Row; loc: ImportLocation; error?: undefined } | { error: ImportError; loc: ImportLocation; row?: undefined };

export async function* jsonlItems(path: string, progress?: ReadProgress): AsyncGenerator<RawItem> {
  const lines = splitLines(decodeUtf8Strict(fileByteChunks(path, progress), path), progress);
  for await (const { text, line } of lines) {
    const loc: ImportLocation = { file: path, line };
    try {
      yield { row: parseJsonLine(text, line, path), loc };
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      yield { error, loc };
    }
  }
}

export async function* csvItems(path: string, progress?: ReadProgress): AsyncGenerator<RawItem> {
  let header: string[] | null = null;
  let headerLine = 1;
  let rows = 0;
  for await (const { fields, line } of csvRecords(decodeUtf8Strict(fileByteChunks(path, progress), path), path, progress)) {
    if (header === null) {
      header = fields.map((f) => f.trim());
      headerLine = line;
      const seen = new Set<string>();
      for (const name of header) {
        if (name === "" || seen.has(name)) {
          throw new ImportError({
            code: "csv-header",
            file: path,
            line,
            field: name,
            detail: name === "" ? "the header has an empty column name" : `the header names column "${name}" twice`,
          });
        }
        seen.add(name);
      }
      continue;
    }
    rows++;
    const loc: ImportLocation = { file: path, line };
    if (fields.length !== header.length) {
      yield {
        error: new ImportError({
          code: "csv-syntax",
          file: path,
          line,
          detail: `expected ${header.length} fields (as in the header), got ${fields.length}`,
        }),
        loc,
      };
      continue;
    }
    const row: Row = {};
    for (let i = 0; i < header.length; i++) row[header[i] as string] = fields[i];
    yield { row, loc };
  }
  if (header !== null && rows === 0) {
    throw new ImportError({ code: "empty-file", file: path, line: headerLine, detail: "the CSV file has a header but no rows" });
  }
}
