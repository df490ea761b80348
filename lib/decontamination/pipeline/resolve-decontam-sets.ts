// The sets a decontamination run names: one set to check, one or more benchmark sets to check it
// against. The recipe checks synthesized problems (section 6), but any set can be checked: a seed
// set too (GSM8K train against GSM8K test is the classic audit), or one benchmark against another.
// Only benchmark sets are references, and a set is never checked against itself (every problem
// would match itself), so a swapped argument is refused with the fix.
import { findProblemSets, requireProblemSet } from "@/lib/datasets/sets/find-problem-sets";
import { UserFacingError } from "@/lib/errors";

export interface DecontamSet {
  id: number;
  name: string;
  role: string;
  problemCount: number;
}

/** The set a run checks: any set, whatever its role. */
export async function resolveCheckedSet(ref: string | number): Promise<DecontamSet> {
  const { id, name, role, problemCount } = await requireProblemSet(ref);
  return { id, name, role, problemCount };
}

export async function resolveDecontamSets(problems: string | number, against: (string | number)[]): Promise<{ problemSet: DecontamSet; benchmarkSets: DecontamSet[] }> {
  const problemSet = await resolveCheckedSet(problems);
  if (against.length === 0) throw new UserFacingError("No benchmark set given to check against.", "name one or more benchmark sets, e.g. --against gsm8k-test,math-test");
  const found = await findProblemSets(against);
  const benchmarkSets: DecontamSet[] = [];
  for (const ref of against) {
    const set = found.get(String(ref));
    if (!set) throw new UserFacingError(`Benchmark set "${ref}" was not found.`, "see `npx boxed sets` for the names");
    if (set.role !== "benchmark") {
      throw new UserFacingError(`Set "${set.name}" is a ${set.role} set, not a benchmark set.`, "import the test set with --role benchmark, or name a benchmark set with --against");
    }
    if (set.id === problemSet.id) {
      throw new UserFacingError(`Set "${set.name}" cannot be checked against itself: every problem would match its own copy.`, "leave it out of --against");
    }
    if (!benchmarkSets.some((s) => s.id === set.id)) benchmarkSets.push(set);
  }
  return { problemSet, benchmarkSets };
}
