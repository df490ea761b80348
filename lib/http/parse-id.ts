// Ids and numbers from addresses (path segments, query parameters). Database ids are PostgreSQL
// `integer`s: anything that is not a whole number from 1 to 2^31-1 names no row, so it is "not
// found" (or ignored), never passed to a query where it would overflow into a server error.

export const MAX_DB_ID = 2_147_483_647;

/** A database id written in plain digits, or null. */
export function parseDbId(raw: unknown): number | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value === "number") return Number.isInteger(value) && value >= 1 && value <= MAX_DB_ID ? value : null;
  if (typeof value !== "string" || !/^[0-9]{1,10}$/.test(value.trim())) return null;
  const id = Number(value.trim());
  return id >= 1 && id <= MAX_DB_ID ? id : null;
}
