import { ImportError } from "@/lib/datasets/formats/import-error";
import type { Row } from "@/lib/datasets/formats/row-fields";

// One JSONL line -> one JSON object, with V8's error rephrased to a 1-based column on that line.

function describeJsonError(message: string): string {
  // V8: "Expected ',' or '}' after property value in JSON at position 40" (sometimes followed by
  // " (line 1 column 41)" in newer versions).
  const core = message.replace(/\s*\(line \d+ column \d+\)\s*$/, "");
  const match = /^(.*?)(?: in JSON)? at position (\d+)$/.exec(core);
  if (match) return `${match[1]} at column ${Number(match[2]) + 1}`;
  return core;
}

export function parseJsonLine(text: string, line: number, file: string): Row {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ImportError({
      code: "invalid-json",
      file,
      line,
      value: text,
      detail: `invalid JSON (${describeJsonError((error as Error).message)})`,
    });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const kind = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
    throw new ImportError({ code: "not-an-object", file, line, value: text, detail: `expected a JSON object, got ${kind}` });
  }
  return value as Row;
}
