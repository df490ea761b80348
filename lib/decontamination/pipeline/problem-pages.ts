// A problem set's problems in keyset pages (`id > last ORDER BY id`, never OFFSET), so a reader
// holds one page at a time whatever the set's size.
import { pool } from "@/lib/db/pool";

export const PROBLEM_PAGE = 5_000;

/** Each page of `SELECT columns` (which must include id) over the set's problems, in id order. */
export async function* problemPages<T extends { id: number }>(setId: number, columns: string): AsyncGenerator<T[]> {
  let after = 0;
  for (;;) {
    const { rows } = await pool().query<T>(`SELECT ${columns} FROM problems WHERE set_id = $1 AND id > $2 ORDER BY id LIMIT ${PROBLEM_PAGE}`, [setId, after]);
    if (rows.length > 0) yield rows;
    if (rows.length < PROBLEM_PAGE) return;
    after = rows[rows.length - 1].id;
  }
}
