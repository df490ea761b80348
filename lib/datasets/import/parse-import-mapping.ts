// "problem=question,answer=final" -> a column mapping for the generic format (CLI and upload page).
import type { FieldMapping } from "@/lib/datasets/formats/dataset-format";
import { UserFacingError } from "@/lib/errors";

const KEYS = ["problem", "answer", "solution", "id", "source"];

export function parseImportMapping(text: string | undefined): FieldMapping | undefined {
  if (!text?.trim()) return undefined;
  const mapping: Record<string, string> = {};
  for (const pair of text.split(",")) {
    const [key, column] = pair.split("=").map((s) => s.trim());
    if (!key || !column || !KEYS.includes(key)) {
      throw new UserFacingError(`Column mapping: "${pair.trim()}" is not key=column.`, `use keys ${KEYS.join(", ")}, e.g. problem=question,answer=final`);
    }
    mapping[key] = column;
  }
  if (!mapping.problem) throw new UserFacingError("Column mapping: the problem column is missing.", "add problem=<column>");
  return mapping as unknown as FieldMapping;
}
