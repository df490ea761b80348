// Text a reader accepted can still be unstorable: PostgreSQL text cannot hold U+0000 (a JSON
// "\u0000" escape produces it), and an unpaired surrogate ("\ud800") would be silently replaced
// by U+FFFD when encoded. Both are refused with the record's location instead of failing the COPY
// with a message naming no line, or changing the text behind the user's back.
import { ImportError } from "@/lib/datasets/formats/import-error";
import type { ImportRecord } from "@/lib/datasets/formats/import-record";
import { readSetting } from "@/lib/settings/read-settings";
import { SETTINGS } from "@/lib/settings/settings-schema";

// Text longer than any real problem or solution is refused too: one 200 MB "problem" imported
// without complaint once made every page that showed it hold it whole in the web server.
// The longest solutions of the published recipe (16K-token generations) are under 100,000
// characters; the default leaves twice that.
export const DEFAULT_MAX_FIELD_CHARS = SETTINGS.BOXED_MAX_FIELD_CHARS.fallback;

export function maxFieldChars(env: NodeJS.ProcessEnv = process.env): number {
  return readSetting("BOXED_MAX_FIELD_CHARS", env);
}

function check(record: ImportRecord, field: string, value: string | null | undefined, limit: number): void {
  if (value == null) return;
  let detail: string | null = null;
  if (value.length > limit) {
    detail = `field "${field}" is ${value.length.toLocaleString("en-US")} characters long, above the limit of ${limit.toLocaleString("en-US")} (BOXED_MAX_FIELD_CHARS)`;
  } else if (value.includes("\u0000")) detail = `field "${field}" contains a NUL character (\\u0000), which PostgreSQL cannot store`;
  else if (!value.isWellFormed()) detail = `field "${field}" contains an unpaired UTF-16 surrogate (an invalid \\ud800-\\udfff escape)`;
  if (!detail) return;
  const { file, line, rowGroup, row } = record.location;
  throw new ImportError({ code: "invalid-value", file, line, rowGroup, row, field, value, detail });
}

// Token counts and seeds are stored as PostgreSQL integers (int4).
function checkInteger(record: ImportRecord, field: string, value: number | null | undefined): void {
  if (value == null || (value >= -(2 ** 31) && value < 2 ** 31)) return;
  const { file, line, rowGroup, row } = record.location;
  throw new ImportError({ code: "invalid-value", file, line, rowGroup, row, field, value, detail: `field "${field}" is ${value}, beyond the integers we store (up to 2147483647)` });
}

/** Throws an ImportError naming the record's place and field when any of its values is unstorable. */
export function assertStorableRecord(record: ImportRecord, solutionField = "solution", limit = maxFieldChars()): void {
  check(record, "problem", record.problem, limit);
  check(record, "answer", record.goldAnswer, limit);
  check(record, "id", record.sourceKey, limit);
  check(record, "problem_source", record.problemSource, limit);
  check(record, "level", record.metadata.level, limit);
  check(record, "subject", record.metadata.subject, limit);
  for (const solution of record.solutions) {
    check(record, solutionField, solution.text, limit);
    check(record, "predicted_answer", solution.predictedAnswer, limit);
    checkInteger(record, "num_generated_tokens", solution.generatedTokens);
    checkInteger(record, "seed", solution.seed);
  }
}
