// The shape every `boxed <thing> list` shares: open the database, load the rows, then print them as
// JSON with --json, a hint when there are none, or an (optionally headed) line per row.
import { parseArgs } from "node:util";
import type { CliCommand } from "@/lib/cli/command";
import { commandOptions } from "@/lib/cli/options";
import { withDatabase } from "@/lib/cli/with-database";

type Flags = Record<string, string | boolean | undefined>;

export interface ListCommandSpec<T> {
  path: string[];
  summary: string;
  usage: string;
  /** String flags beside --json, handed to load (e.g. --limit). */
  stringFlags?: string[];
  load(flags: Flags): Promise<T[]>;
  /** Printed instead of the table when there are no rows (without it, the head alone is printed). */
  empty?: string;
  /** The header line, from all rows (column widths). */
  head?(rows: T[]): string;
  line(row: T, rows: T[]): string;
}

export function listCommand<T>(spec: ListCommandSpec<T>): CliCommand {
  const options = commandOptions(spec.stringFlags ?? [], ["json"]);
  return {
    path: spec.path,
    summary: spec.summary,
    usage: spec.usage,
    async run(args, io) {
      const { values } = parseArgs({ args, options });
      return withDatabase(io, async () => {
        const rows = await spec.load(values);
        if (values.json) io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        else if (rows.length === 0 && spec.empty) io.stdout.write(`${spec.empty}\n`);
        else {
          if (spec.head) io.stdout.write(`${spec.head(rows)}\n`);
          for (const row of rows) io.stdout.write(`${spec.line(row, rows)}\n`);
        }
        return 0;
      });
    },
  };
}
