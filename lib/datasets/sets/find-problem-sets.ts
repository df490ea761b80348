// A problem set as a person names it: by name (the CLI, a target set) or by id (the web forms).
// Every command and form that takes a set looks it up here, so a name and an id resolve alike and
// "not found" reads the same everywhere. Takes any client, so a transaction can look up the set it
// is about to use.
import type { Pool, PoolClient } from "pg";
import { pool } from "@/lib/db/pool";
import { UserFacingError } from "@/lib/errors";

export type ProblemSetRef = string | number;

export interface FoundProblemSet {
  id: number;
  name: string;
  role: string;
  problemCount: number;
  archived: boolean;
}

/** The sets the references name, keyed by the reference as given (a name, or an id as text). */
export async function findProblemSets(refs: ProblemSetRef[], db: Pick<Pool | PoolClient, "query"> = pool()): Promise<Map<string, FoundProblemSet>> {
  const names = refs.filter((r): r is string => typeof r === "string");
  const ids = refs.filter((r): r is number => typeof r === "number");
  const { rows } = await db.query<{ id: number; name: string; role: string; problem_count: number; archived: boolean }>(
    `SELECT id, name, role::text AS role, problem_count, archived_at IS NOT NULL AS archived
       FROM problem_sets WHERE name = ANY($1::text[]) OR id = ANY($2::int[])`,
    [names, ids],
  );
  const found = new Map<string, FoundProblemSet>();
  for (const r of rows) {
    const set = { id: r.id, name: r.name, role: r.role, problemCount: r.problem_count, archived: r.archived };
    if (names.includes(r.name)) found.set(r.name, set);
    if (ids.includes(r.id)) found.set(String(r.id), set);
  }
  return found;
}

/** The one set a reference names, or a "not found" naming the reference and where to look. */
export async function requireProblemSet(ref: ProblemSetRef, options: { what?: string; hint?: string; db?: Pick<Pool | PoolClient, "query"> } = {}): Promise<FoundProblemSet> {
  const set = (await findProblemSets([ref], options.db)).get(String(ref));
  if (!set) throw new UserFacingError(`${options.what ?? "Problem set"} "${ref}" was not found.`, options.hint ?? "see `npx boxed sets` for the names");
  return set;
}
