// PostgreSQL COPY text format (the default of `COPY ... FROM STDIN`): tab-separated columns, one
// line per row, \N for NULL, and backslash escapes for the four characters that would otherwise
// end a column or a row. Solutions are full of backslashes (LaTeX) and newlines, so this runs on
// every byte we load: one regex pass with a lookup table.

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const SPECIAL = /[\\\t\n\r]/g;

export type CopyValue = string | number | boolean | null | undefined;

export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  return value.replace(SPECIAL, (ch) => ESCAPES[ch] as string);
}

/** One COPY text line (with its trailing newline). */
export function copyLine(values: readonly CopyValue[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) line += (i === 0 ? "" : "\t") + copyField(values[i]);
  return `${line}\n`;
}
