// Keyset cursors: the (sort value, id) of the row a page starts after, as an opaque URL-safe
// string. Decoding checks the value's type against the sort, so a hand-edited cursor is refused
// with a message instead of reaching SQL with the wrong type.
import { UserFacingError } from "@/lib/errors";
import { REVIEW_STATUSES, type SortKey, VERDICTS } from "@/lib/solutions/solution-view";

export type SortValue = number | string;

const INT_MAX = 2_147_483_647;

export interface Cursor {
  value: SortValue;
  id: number;
}

export const SORT_VALUE_KIND: Record<SortKey, "int" | "text" | "verdict" | "review"> = {
  id: "int",
  length: "int",
  tokens: "int",
  problem: "int",
  set: "int",
  batch: "int",
  model: "text",
  answer: "text",
  verdict: "verdict",
  review: "review",
};

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id]), "utf8").toString("base64url");
}

export function decodeCursor(raw: string, sort: SortKey): Cursor {
  const refuse = () =>
    new UserFacingError(`The page cursor in the address (after=/before=) does not fit the sort "${sort}".`, "open the first page again (remove after= or before= from the address)");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw refuse();
  }
  // Bounded like the columns they are compared with (integer ids and counts, text without NUL), so a
  // hand-made cursor is refused here rather than failing in PostgreSQL.
  if (!Array.isArray(parsed) || parsed.length !== 2 || !Number.isInteger(parsed[1]) || parsed[1] < 0 || parsed[1] > INT_MAX) throw refuse();
  const [value, id] = parsed as [unknown, number];
  const kind = SORT_VALUE_KIND[sort];
  const ok =
    kind === "int"
      ? Number.isInteger(value) && Math.abs(value as number) <= INT_MAX
      : kind === "text"
        ? typeof value === "string" && value.length <= 10_000 && !value.includes("\u0000")
        : kind === "verdict"
          ? (VERDICTS as readonly unknown[]).includes(value)
          : (REVIEW_STATUSES as readonly unknown[]).includes(value);
  if (!ok) throw refuse();
  return { value: value as SortValue, id };
}
