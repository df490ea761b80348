// `boxed sets`: the problem sets with their role and counts, read from the maintained counters.
import { parseArgs } from "node:util";
import type { CliCommand } from "@/lib/cli/command";
import { formatCount } from "@/lib/cli/progress-bar";
import { withDatabase } from "@/lib/cli/with-database";
import { listProblemSets } from "@/lib/datasets/list-problem-sets";

const SEARCH = { ready: "indexed", building: "building", missing: "after grading" } as const;

export const setsCommand: CliCommand = {
  path: ["sets"],
  summary: "list problem sets with their role, problem and solution counts",
  usage:
    "usage: npx boxed sets [--json]\n\nCounts come from the counters imports, batches and grading maintain (no table scans). The search\ncolumn says whether substring search over a set's solutions is indexed: a large import into a new\nset builds that index in the background after grading (\"building\", \"after grading\").",
  async run(args, io) {
    const { values } = parseArgs({ args, options: { json: { type: "boolean", default: false } } });
    return withDatabase(io, async () => {
      const sets = await listProblemSets();
      if (values.json) {
        io.stdout.write(`${JSON.stringify(sets, null, 2)}\n`);
        return 0;
      }
      if (sets.length === 0) {
        io.stdout.write("no problem sets yet: import one with `npx boxed import --set NAME --role seed FILE`\n");
        return 0;
      }
      const width = Math.max(4, ...sets.map((s) => s.name.length));
      const head = `${"id".padEnd(5)}${"name".padEnd(width + 2)}${"role".padEnd(11)}${"problems".padStart(10)}${"solutions".padStart(12)}${"graded".padStart(12)}${"correct".padStart(12)}  search`;
      io.stdout.write(`${head}\n`);
      for (const s of sets) {
        io.stdout.write(
          `${String(s.id).padEnd(5)}${s.name.padEnd(width + 2)}${s.role.padEnd(11)}${formatCount(s.problemCount).padStart(10)}${formatCount(s.sampleCount).padStart(12)}${formatCount(s.gradedCount).padStart(12)}${formatCount(s.correctCount).padStart(12)}  ${SEARCH[s.searchIndex]}${s.archivedAt ? " (archived)" : ""}\n`,
        );
      }
      return 0;
    });
  },
};
