import { basename } from "node:path";

// One error type for every way an input file can be wrong, carrying a machine-readable location
// so the UI can point at the exact line/row, and a message that names file, place and field.

export type ImportErrorCode =
  | "empty-file"
  | "invalid-utf8"
  | "invalid-json"
  | "not-an-object"
  | "missing-field"
  | "wrong-type"
  | "invalid-value"
  | "csv-syntax"
  | "csv-header"
  | "not-parquet"
  | "truncated-parquet"
  | "parquet-read"
  | "format-mismatch"
  | "undetectable-format"
  | "lockstep-mismatch";

export interface ImportErrorDetails {
  code: ImportErrorCode;
  /** Path as given to the reader; the message shows only its basename. */
  file: string;
  line?: number;
  rowGroup?: number;
  row?: number;
  byteOffset?: number;
  field?: string;
  value?: unknown;
  /** The part of the message after the location, e.g. `field "answer" is missing`. */
  detail: string;
}

const MAX_VALUE_CHARS = 120;

/** Short printable form of an offending value, so a 2 MB cell never lands in a log line. */
export function truncateValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  let text: string;
  if (typeof value === "string") text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}

export function describeLocation(loc: { line?: number; rowGroup?: number; row?: number }): string {
  if (loc.line !== undefined) return ` line ${loc.line}`;
  if (loc.rowGroup !== undefined && loc.row !== undefined) return ` row group ${loc.rowGroup}, row ${loc.row}`;
  if (loc.row !== undefined) return ` row ${loc.row}`;
  return "";
}

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly file: string;
  readonly line?: number;
  readonly rowGroup?: number;
  readonly row?: number;
  readonly byteOffset?: number;
  readonly field?: string;
  /** Truncated printable value. */
  readonly value?: string;
  readonly detail: string;

  constructor(details: ImportErrorDetails) {
    super(`${basename(details.file)}${describeLocation(details)}: ${details.detail}`);
    this.name = "ImportError";
    this.code = details.code;
    this.file = details.file;
    this.line = details.line;
    this.rowGroup = details.rowGroup;
    this.row = details.row;
    this.byteOffset = details.byteOffset;
    this.field = details.field;
    this.value = truncateValue(details.value);
    this.detail = details.detail;
  }
}
