// Dispatches `boxed <words...>` to the longest matching command path.
import { CliError, type CliIo } from "@/lib/cli/command";
import { commands } from "@/lib/cli/registry";
import { UserFacingError } from "@/lib/errors";

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.path.join(" ").length));
  const lines = commands.map((c) => `  ${c.path.join(" ").padEnd(width)}  ${c.summary}`);
  return [
    "boxed: build and audit synthetic math reasoning datasets",
    "",
    "usage: npx boxed <command> [options]     (npx boxed <command> --help for details)",
    "",
    "commands:",
    ...lines,
    "",
    "Database: DATABASE_URL when set, else this checkout's embedded PostgreSQL (started on demand).",
  ].join("\n");
}

export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    io.stdout.write(`${helpText()}\n`);
    return 0;
  }
  const match = commands
    .filter((c) => c.path.every((word, i) => argv[i] === word))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!match) {
    const prefix = commands.filter((c) => c.path[0] === argv[0]);
    const hint = prefix.length ? `\n${prefix.map((c) => `  boxed ${c.path.join(" ")}  ${c.summary}`).join("\n")}` : "";
    io.stderr.write(`boxed: unknown command "${argv.join(" ")}". Run \`npx boxed --help\`.${hint}\n`);
    return 2;
  }
  const rest = argv.slice(match.path.length);
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(`${match.usage.trim()}\n`);
    return 0;
  }
  try {
    return await match.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`boxed ${match.path.join(" ")}: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof UserFacingError) {
      io.stderr.write(`boxed ${match.path.join(" ")}: ${error.oneLine()}\n`);
      return 1;
    }
    if ((error as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write(`boxed ${match.path.join(" ")}: ${(error as Error).message}. See --help.\n`);
      return 2;
    }
    throw error;
  }
}

function defaultIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}
