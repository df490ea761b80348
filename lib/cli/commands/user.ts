// `boxed user add|list|set-role|deactivate|activate|reset-password`.
import { parseArgs } from "node:util";
import { type CliCommand, CliError, type CliIo } from "@/lib/cli/command";
import { commandOptions } from "@/lib/cli/options";
import { listCommand } from "@/lib/cli/list-command";
import { printWithDatabase } from "@/lib/cli/with-database";
import { CLI_ACTOR } from "@/lib/audit/actor";
import { isRole } from "@/lib/auth/permissions";
import { createUser } from "@/lib/users/create-user";
import { listUsers, resetUserPassword, setUserActive, setUserRole } from "@/lib/users/update-user";

async function readPasswordFromStdin(io: CliIo): Promise<string | null> {
  if (io.stdin.isTTY) return null;
  let text = "";
  for await (const chunk of io.stdin) text += chunk.toString();
  const password = text.split(/\r?\n/)[0] ?? "";
  return password.length ? password : null;
}

/** A password Boxed generated is printed once, here; only its hash is stored. */
function generatedPasswordLines(user: { generatedPassword?: string | null }): string[] {
  return user.generatedPassword ? [`password: ${user.generatedPassword}`, "(shown once; only its hash is stored)"] : [];
}

function requireEmail(email: string | undefined): string {
  if (!email) throw new CliError("--email is required");
  return email;
}

export const userAddCommand: CliCommand = {
  path: ["user", "add"],
  summary: "create a user (password from stdin, or generated and printed once)",
  usage: `usage: npx boxed user add --email E --role admin|curator|reviewer|viewer [--name N]

The password is read from the first line of standard input when it is piped
(echo "$PASS" | npx boxed user add ...); otherwise one is generated and printed once.`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: commandOptions(["email", "role", "name"]) });
    const email = requireEmail(values.email);
    if (!values.role || !isRole(values.role)) throw new CliError(`--role must be admin, curator, reviewer or viewer (got ${values.role ?? "nothing"})`);
    const piped = await readPasswordFromStdin(io);
    const role = values.role;
    return printWithDatabase(io, async () => {
      const user = await createUser({ email, role, password: piped ?? undefined, name: values.name }, CLI_ACTOR);
      return [`created ${user.role} ${user.email} (id ${user.id})`, ...generatedPasswordLines(user)];
    });
  },
};

export const userListCommand = listCommand({
  path: ["user", "list"],
  summary: "list users with their roles",
  usage: "usage: npx boxed user list [--json]",
  load: () => listUsers(),
  head: () => `${"id".padEnd(5)}${"email".padEnd(34)}${"role".padEnd(10)}active  last sign-in`,
  line: (u) => `${String(u.id).padEnd(5)}${u.email.padEnd(34)}${u.role.padEnd(10)}${(u.active ? "yes" : "no").padEnd(8)}${u.lastSignInAt?.toISOString() ?? "never"}`,
});

export const userSetRoleCommand: CliCommand = {
  path: ["user", "set-role"],
  summary: "change a user's role",
  usage: "usage: npx boxed user set-role --email E --role admin|curator|reviewer|viewer",
  async run(args, io) {
    const { values } = parseArgs({ args, options: commandOptions(["email", "role"]) });
    const email = requireEmail(values.email);
    if (!values.role) throw new CliError("--role is required");
    const role = values.role;
    return printWithDatabase(io, async () => {
      const user = await setUserRole(email, role, CLI_ACTOR);
      return [`${user.email} is now ${user.role}`];
    });
  },
};

function activeCommand(active: boolean): CliCommand {
  const word = active ? "activate" : "deactivate";
  return {
    path: ["user", word],
    summary: active ? "let a deactivated user sign in again" : "lock a user out at once (their sessions end)",
    usage: `usage: npx boxed user ${word} --email E`,
    async run(args, io) {
      const { values } = parseArgs({ args, options: commandOptions(["email"]) });
      const email = requireEmail(values.email);
      return printWithDatabase(io, async () => {
        const user = await setUserActive(email, active, CLI_ACTOR);
        return [`${user.email} ${active ? "activated" : "deactivated"}`];
      });
    },
  };
}

export const userDeactivateCommand = activeCommand(false);
export const userActivateCommand = activeCommand(true);

export const userResetPasswordCommand: CliCommand = {
  path: ["user", "reset-password"],
  summary: "set a new password (stdin or generated); ends the user's sessions",
  usage: "usage: npx boxed user reset-password --email E   (new password from stdin, or generated and printed once)",
  async run(args, io) {
    const { values } = parseArgs({ args, options: commandOptions(["email"]) });
    const email = requireEmail(values.email);
    const piped = await readPasswordFromStdin(io);
    return printWithDatabase(io, async () => {
      const user = await resetUserPassword(email, piped ?? undefined, CLI_ACTOR);
      return [`password reset for ${user.email}`, ...generatedPasswordLines(user)];
    });
  },
};
