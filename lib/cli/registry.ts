// Every `boxed` command, in the order `boxed --help` lists them.
import type { CliCommand } from "@/lib/cli/command";
import { decontamClustersCommand, decontamJudgeCommand, decontamReportCommand, decontamRetrieveCommand } from "@/lib/cli/commands/decontam";
import { dbMigrateCommand, dbStartCommand, dbStatusCommand, dbStopCommand } from "@/lib/cli/commands/db";
import { exportCommand } from "@/lib/cli/commands/export";
import { gradeCommand } from "@/lib/cli/commands/grade";
import { importCommand } from "@/lib/cli/commands/import";
import { setsCommand } from "@/lib/cli/commands/sets";
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
import { endpointAddCommand, endpointDisableCommand, endpointEnableCommand, endpointListCommand, endpointRemoveCommand, endpointTestCommand } from "@/lib/cli/commands/endpoint";
import {
  batchCancelCommand,
  batchCreateCommand,
  batchExportCommand,
  batchImportCommand,
  batchListCommand,
  batchPauseCommand,
  batchResumeCommand,
  batchRetryFailedCommand,
  batchStatusCommand,
} from "@/lib/cli/commands/batch";

export const commands: CliCommand[] = [
  startCommand,
  workerCommand,
  importCommand,
  setsCommand,
  exportCommand,
  gradeCommand,
  decontamRetrieveCommand,
  decontamJudgeCommand,
  decontamReportCommand,
  decontamClustersCommand,
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
  endpointAddCommand,
  endpointListCommand,
  endpointTestCommand,
  endpointDisableCommand,
  endpointEnableCommand,
  endpointRemoveCommand,
  batchCreateCommand,
  batchStatusCommand,
  batchListCommand,
  batchPauseCommand,
  batchResumeCommand,
  batchCancelCommand,
  batchRetryFailedCommand,
  batchExportCommand,
  batchImportCommand,
];
