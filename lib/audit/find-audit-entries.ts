// One page of the audit log, newest first, by keyset ((at, id) below the last row shown; never
// OFFSET). An action-prefix filter is turned into the list of matching action names first
// (list-audit-actions.ts), then each name reads its own slice of the (action, at) index and the
// slices are merged: the database never sorts every "review.*" entry to show fifty.
import type { AuditCursor, AuditFilter } from "@/lib/audit/audit-filter";
import { listAuditActions } from "@/lib/audit/list-audit-actions";
import { pool } from "@/lib/db/pool";

export interface AuditRow {
  id: number;
  at: string;
  userId: number | null;
  userEmail: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  details: unknown;
  ip: string | null;
}

export const AUDIT_PAGE_SIZE = 50;

export async function findAuditEntries(
  filter: AuditFilter,
  cursor: AuditCursor | null = null,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<{ rows: AuditRow[]; next: AuditCursor | null }> {
  const values: unknown[] = [];
  const bind = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const conditions: string[] = [];
  if (filter.user === "system") conditions.push("user_id IS NULL");
  else if (filter.user !== undefined) conditions.push(`user_id = ${bind(filter.user)}`);
  if (filter.objectType) conditions.push(`object_type = ${bind(filter.objectType)}`);
  if (filter.from) conditions.push(`at >= ${bind(filter.from)}::date`);
  if (filter.to) conditions.push(`at < ${bind(filter.to)}::date + 1`);
  if (cursor) conditions.push(`(at, id) < (${bind(cursor.at)}::timestamp, ${bind(cursor.id)})`);
  const limit = bind(pageSize + 1);
  const slice = (extra: string[]) => {
    const where = [...extra, ...conditions];
    return `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY at DESC, id DESC LIMIT ${limit}`;
  };

  let source: string;
  if (filter.actionPrefix) {
    const prefix = filter.actionPrefix;
    const actions = (await listAuditActions()).filter((a) => a === prefix || a.startsWith(prefix));
    if (actions.length === 0) return { rows: [], next: null };
    source = actions.map((action) => `(${slice([`action = ${bind(action)}`])})`).join(" UNION ALL ");
  } else {
    source = slice([]);
  }

  const { rows } = await pool().query<{
    id: number;
    at: string;
    user_id: number | null;
    email: string | null;
    action: string;
    object_type: string | null;
    object_id: string | null;
    details: unknown;
    ip: string | null;
  }>(
    `SELECT a.id, to_char(a.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at, a.user_id, u.email, a.action, a.object_type, a.object_id, a.details, a.ip
     FROM (${source}) a LEFT JOIN users u ON u.id = a.user_id
     ORDER BY a.at DESC, a.id DESC LIMIT ${limit}`,
    values,
  );
  const page = rows.slice(0, pageSize).map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    userEmail: r.email,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    details: r.details,
    ip: r.ip,
  }));
  const last = page.at(-1);
  return { rows: page, next: rows.length > pageSize && last ? { at: last.at, id: last.id } : null };
}
