// Every `boxed` command, in the order `boxed --help` lists them.
import type { CliCommand } from "@/lib/cli/command";
import { dbMigrateCommand, dbStartCommand, dbStatusCommand, dbStopCommand } from "@/lib/cli/commands/db";
import { startCommand } from "@/lib/cli/commands/start";
import {
  userActivateCommand,
  userAddCommand,
  userDeactivateCommand,
  userListCommand,
  userResetPasswordCommand,
  userSetRoleCommand,
} from "@/lib/cli/commands/user";
import { workerCommand } from "@/lib/cli/commands/worker";

export const commands: CliCommand[] = [
  startCommand,
  workerCommand,
  dbStartCommand,
  dbStopCommand,
  dbStatusCommand,
  dbMigrateCommand,
  userAddCommand,
  userListCommand,
  userSetRoleCommand,
  userDeactivateCommand,
  userActivateCommand,
  userResetPasswordCommand,
];
