// The contract every `boxed` subcommand implements. Commands live one per file under
// lib/cli/commands/ and are listed in lib/cli/registry.ts.
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export interface CliCommand {
  /** Words that select the command, e.g. ["db", "start"] or ["grade"]. */
  path: string[];
  summary: string;
  /** Full usage text shown by `boxed <command> --help`. */
  usage: string;
  /** Returns the process exit code. Throw CliError for a one-line message without a stack. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** An error meant for the user: printed as one line (with its fix), never with a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}
