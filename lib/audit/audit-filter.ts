// The audit page's filters as they travel in the URL, read and checked in one place. Dates are
// whole days (YYYY-MM-DD, both ends included) compared in the database's own time, as stored.
import { parseDbId } from "@/lib/http/parse-id";

export interface AuditFilter {
  /** A user id, "system" for entries without a user (CLI, worker), or undefined for everyone. */
  user?: number | "system";
  /** "user." matches user.create, user.deactivate, ...; "user.create" matches exactly that too. */
  actionPrefix?: string;
  objectType?: string;
  from?: string;
  to?: string;
}

export interface AuditCursor {
  /** The entry's time as the database prints it (millisecond precision, no time zone). */
  at: string;
  id: number;
}

type Params = Record<string, string | string[] | undefined>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const WORD = /^[a-z0-9_.-]{1,100}$/i;
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})~(\d{1,10})$/;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

// Years before 1 do not exist in PostgreSQL's calendar (0000-01-01 is "out of range" there).
function isRealDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1 && date.toISOString().startsWith(day);
}

export function parseAuditFilter(params: Params): { filter: AuditFilter; cursor: AuditCursor | null; errors: string[] } {
  const errors: string[] = [];
  const filter: AuditFilter = {};
  const user = one(params.user);
  if (user === "system") filter.user = "system";
  else if (user && parseDbId(user) !== null) filter.user = parseDbId(user) as number;
  else if (user) errors.push(`user: "${user}" is neither a user id nor "system"`);
  const action = one(params.action);
  if (action && WORD.test(action)) filter.actionPrefix = action;
  else if (action) errors.push(`action: "${action}" may only contain letters, digits, ".", "_" and "-"`);
  const objectType = one(params.object);
  if (objectType && WORD.test(objectType)) filter.objectType = objectType;
  else if (objectType) errors.push(`object: "${objectType}" may only contain letters, digits, ".", "_" and "-"`);
  for (const key of ["from", "to"] as const) {
    const day = one(params[key]);
    if (day && DAY.test(day) && isRealDay(day)) filter[key] = day;
    else if (day) errors.push(`${key}: "${day}" is not a date like 2026-01-31`);
  }
  if (filter.from && filter.to && filter.from > filter.to) errors.push(`from (${filter.from}) is after to (${filter.to})`);
  const cursor = decodeAuditCursor(one(params.before));
  if (one(params.before) && !cursor) errors.push("before: not a page position this page wrote; start again from the newest entries");
  return { filter, cursor, errors };
}

export function encodeAuditCursor(cursor: AuditCursor): string {
  return `${cursor.at}~${cursor.id}`;
}

export function decodeAuditCursor(text: string | undefined): AuditCursor | null {
  const match = text ? CURSOR.exec(text) : null;
  if (!match || !isRealDay(match[1].slice(0, 10)) || Number.isNaN(new Date(`${match[1]}Z`).getTime())) return null;
  const id = parseDbId(match[2]);
  return id === null ? null : { at: match[1], id };
}

/** The URL query of a filter (and page position), leaving out what is unset. */
export function auditFilterQuery(filter: AuditFilter, cursor?: AuditCursor | null): string {
  const params = new URLSearchParams();
  if (filter.user !== undefined) params.set("user", String(filter.user));
  if (filter.actionPrefix) params.set("action", filter.actionPrefix);
  if (filter.objectType) params.set("object", filter.objectType);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (cursor) params.set("before", encodeAuditCursor(cursor));
  const text = params.toString();
  return text ? `?${text}` : "";
}
