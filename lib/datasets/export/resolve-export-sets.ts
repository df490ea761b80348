// Set names -> sets. No names means every seed and synthetic set: benchmark sets are test data
// and leave only when asked for by name.
import type { Pool, PoolClient } from "pg";
import { UserFacingError } from "@/lib/errors";

export interface ExportSet {
  id: number;
  name: string;
  role: string;
  sampleCount: number;
}

export async function resolveExportSets(client: Pick<Pool | PoolClient, "query">, names: string[]): Promise<ExportSet[]> {
  const { rows } = await client.query<{ id: number; name: string; role: string; sample_count: number }>(
    "SELECT id, name, role::text AS role, sample_count FROM problem_sets ORDER BY id",
  );
  const all = rows.map((r) => ({ id: r.id, name: r.name, role: r.role, sampleCount: r.sample_count }));
  if (names.length === 0) return all.filter((s) => s.role !== "benchmark");
  const missing = names.filter((n) => !all.some((s) => s.name === n));
  if (missing.length > 0) {
    throw new UserFacingError(
      `No problem set named ${missing.map((m) => `"${m}"`).join(", ")}.`,
      all.length ? `known sets: ${all.map((s) => s.name).join(", ")}` : "import one first with `npx boxed import`",
    );
  }
  return all.filter((s) => names.includes(s.name));
}
