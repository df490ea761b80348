// `boxed sets`: the problem sets with their role and counts, read from the maintained counters.
import { listCommand } from "@/lib/cli/list-command";
import { formatCount } from "@/lib/cli/progress-bar";
import { listProblemSets } from "@/lib/datasets/list-problem-sets";

const SEARCH = { ready: "indexed", building: "building", missing: "after grading" } as const;

export const setsCommand = listCommand({
  path: ["sets"],
  summary: "list problem sets with their role, problem and solution counts",
  usage:
    "usage: npx boxed sets [--json]\n\nCounts come from the counters imports, batches and grading maintain (no table scans). The search\ncolumn says whether substring search over a set's solutions is indexed: a large import into a new\nset builds that index in the background after grading (\"building\", \"after grading\").",
  load: () => listProblemSets(),
  empty: "no problem sets yet: import one with `npx boxed import --set NAME --role seed FILE`",
  head: (sets) =>
    `${"id".padEnd(5)}${"name".padEnd(nameWidth(sets) + 2)}${"role".padEnd(11)}${"problems".padStart(10)}${"solutions".padStart(12)}${"graded".padStart(12)}${"correct".padStart(12)}  search`,
  line: (s, sets) =>
    `${String(s.id).padEnd(5)}${s.name.padEnd(nameWidth(sets) + 2)}${s.role.padEnd(11)}${formatCount(s.problemCount).padStart(10)}${formatCount(s.sampleCount).padStart(12)}${formatCount(s.gradedCount).padStart(12)}${formatCount(s.correctCount).padStart(12)}  ${SEARCH[s.searchIndex]}${s.archivedAt ? " (archived)" : ""}`,
});

function nameWidth(sets: { name: string }[]): number {
  return Math.max(4, ...sets.map((s) => s.name.length));
}
