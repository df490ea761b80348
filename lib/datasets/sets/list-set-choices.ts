// The problem sets a page offers to choose from (pickers, scope menus, filter bars): a few fields
// per set, in one of two orders. Sets are few (one row per dataset), so this reads them all.
// Pages that show a set's counters and search index use listProblemSets instead.
import { prisma } from "@/lib/db/prisma";

export type SetRoleName = "seed" | "benchmark" | "synthetic";

export interface SetChoice {
  id: number;
  name: string;
  role: SetRoleName;
  problemCount: number;
  archived: boolean;
}

/** `role`: seed, benchmark, synthetic, then by name. `checked-first`: the sets one usually checks
 * or clusters first (synthetic, seed), benchmark sets last. `name`: by name alone. */
export type SetChoiceOrder = "role" | "checked-first" | "name";

const CHECKED_FIRST: Record<SetRoleName, number> = { synthetic: 0, seed: 1, benchmark: 2 };

export async function listSetChoices({ includeArchived = true, order = "role" }: { includeArchived?: boolean; order?: SetChoiceOrder } = {}): Promise<SetChoice[]> {
  const rows = await prisma().problemSet.findMany({
    where: includeArchived ? {} : { archivedAt: null },
    orderBy: order === "role" ? [{ role: "asc" }, { name: "asc" }] : { name: "asc" },
    select: { id: true, name: true, role: true, problemCount: true, archivedAt: true },
  });
  const choices = rows.map((r) => ({ id: r.id, name: r.name, role: r.role, problemCount: r.problemCount, archived: r.archivedAt !== null }));
  // A stable sort keeps the name order within each role.
  return order === "checked-first" ? choices.sort((a, b) => CHECKED_FIRST[a.role] - CHECKED_FIRST[b.role]) : choices;
}
