// The distinct action names in the audit log, read by skipping through the (action, at) index one
// name at a time (a "loose index scan"): a few dozen index probes, however many million entries.
import { pool } from "@/lib/db/pool";

const MAX_ACTIONS = 500;

export async function listAuditActions(): Promise<string[]> {
  const { rows } = await pool().query<{ action: string }>(
    `WITH RECURSIVE names AS (
       (SELECT action FROM audit_log ORDER BY action LIMIT 1)
       UNION ALL
       SELECT (SELECT a.action FROM audit_log a WHERE a.action > names.action ORDER BY a.action LIMIT 1)
       FROM names WHERE names.action IS NOT NULL
     )
     SELECT action FROM names WHERE action IS NOT NULL LIMIT ${MAX_ACTIONS}`,
  );
  return rows.map((r) => r.action);
}
