// PostgreSQL COPY in CSV format, the encoding every bulk load of ours uses. Solutions are full of
// backslashes (LaTeX) and newlines, which COPY's default text format must escape one by one; inside
// CSV quotes both are literal and only a double quote is doubled, which a solution rarely holds.
// An import is bound by this process's CPU: quoting a 1,200-character solution costs ~0.15 µs
// against ~2.5 µs for the text format's escapes (docs/datasets.md, "Import speed").
//
// Strings are always quoted, so an empty string stays distinct from NULL (an unquoted empty
// field). A data line `\.` cannot end the data early: every line starts with an unquoted number
// and PostgreSQL only looks for the end marker at the start of a line outside quotes.

export type CopyValue = string | number | boolean | null | undefined;

export function csvField(value: CopyValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "t" : "f";
  return value.includes('"') ? `"${value.replaceAll('"', '""')}"` : `"${value}"`;
}

/** One COPY CSV line (with its trailing newline). */
export function csvLine(values: readonly CopyValue[]): string {
  let line = csvField(values[0]);
  for (let i = 1; i < values.length; i++) line += `,${csvField(values[i])}`;
  return `${line}\n`;
}
