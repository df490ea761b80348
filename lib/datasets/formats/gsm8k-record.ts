import type { ImportLocation, ImportRecord } from "@/lib/datasets/formats/import-record";
import { rowSourceKey } from "@/lib/datasets/formats/source-key";
import { invalidValue, requireString, type Row } from "@/lib/datasets/formats/row-fields";

// GSM8K rows: {"question", "answer"}; the answer is a worked solution ending in "#### <final>".

const CALCULATOR_NOTE = /<<[^<>\n]*>>/g;

/** `<<48/2=24>>` annotations were added for the GSM8K calculator tool; to a reader (and a model
 * trained on the text) they are noise, so the reference solution drops them. */
export function stripCalculatorNotes(text: string): string {
  return text.replace(CALCULATOR_NOTE, "");
}

/** Text after the last "####", trimmed, thousands separators removed; null when there is none. */
export function gsm8kGoldAnswer(answer: string): string | null {
  const at = answer.lastIndexOf("####");
  if (at < 0) return null;
  const gold = answer.slice(at + 4).trim().replace(/,/g, "");
  return gold === "" ? null : gold;
}

export function gsm8kRecord(row: Row, loc: ImportLocation, idField?: string): ImportRecord {
  const question = requireString(row, "question", loc);
  const answer = requireString(row, "answer", loc);
  const gold = gsm8kGoldAnswer(answer);
  if (gold === null) invalidValue(loc, "answer", answer, 'has no final "#### <answer>" line');
  return {
    location: loc,
    sourceKey: rowSourceKey(row, loc, idField),
    problem: question,
    goldAnswer: gold,
    goldSource: "dataset",
    problemSource: "gsm8k",
    metadata: {},
    // The full worked answer (its "#### N" line included) is kept as the reference solution.
    solutions: [{ text: stripCalculatorNotes(answer), sampleIndex: 0 }],
  };
}
