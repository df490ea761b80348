// The target of an import: the named problem set, created with the requested role when missing.
// Runs inside the import's transaction, so a set created for a failed import disappears with it.
// A transaction-scoped advisory lock serialises imports into the same set (their duplicate checks
// and counter updates must not interleave) without locking the set row for the whole load.
import type { PoolClient } from "pg";
import { findProblemSets } from "@/lib/datasets/sets/find-problem-sets";
import { UserFacingError } from "@/lib/errors";

export const SET_ROLES = ["seed", "benchmark", "synthetic"] as const;
export type SetRoleName = (typeof SET_ROLES)[number];

export function isSetRole(value: unknown): value is SetRoleName {
  return typeof value === "string" && (SET_ROLES as readonly string[]).includes(value);
}

// Any constant works; it only namespaces our advisory locks.
const IMPORT_LOCK_SPACE = 4_102_025;

export async function ensureProblemSet(client: PoolClient, name: string, role: SetRoleName): Promise<{ id: number; created: boolean }> {
  const trimmed = name.trim();
  if (!trimmed) throw new UserFacingError("The problem set needs a name.", "pass --set NAME");
  const created = await client.query<{ id: number }>(
    `INSERT INTO problem_sets (name, role) VALUES ($1, $2::"SetRole") ON CONFLICT (name) DO NOTHING RETURNING id`,
    [trimmed, role],
  );
  let id = created.rows[0]?.id;
  if (id === undefined) {
    const existing = (await findProblemSets([trimmed], client)).get(trimmed);
    if (!existing) throw new UserFacingError(`The problem set "${trimmed}" could not be created or found.`);
    if (existing.role !== role) {
      throw new UserFacingError(
        `The problem set "${trimmed}" is a ${existing.role} set, but this import asked for role ${role}.`,
        `import with --role ${existing.role}, or choose another set name`,
      );
    }
    id = existing.id;
  }
  await client.query("SELECT pg_advisory_xact_lock($1, $2)", [IMPORT_LOCK_SPACE, id]);
  return { id, created: created.rows.length > 0 };
}

/** Read-only role check, for refusing an upload before its bytes are stored. */
export async function checkSetRole(client: Pick<PoolClient, "query">, name: string, role: SetRoleName): Promise<void> {
  const existing = (await findProblemSets([name.trim()], client)).get(name.trim());
  if (existing && existing.role !== role) {
    throw new UserFacingError(
      `The problem set "${name.trim()}" is a ${existing.role} set, but this import asked for role ${role}.`,
      `choose role ${existing.role}, or another set name`,
    );
  }
}
