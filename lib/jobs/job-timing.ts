// How fast a dead worker's job is noticed. A running job's worker refreshes the job's heartbeat
// every half heartbeat; a job unheard of for a whole heartbeat is failed (or put back for a retry)
// by the next supervision pass of any live worker, which runs every few seconds. Both are settings
// so tests can make a crash visible in seconds; the defaults leave a worker whose event loop is
// busy for a while (a long grading step) well clear of being declared dead.
import { readSetting } from "@/lib/settings/read-settings";

/** BOXED_JOB_HEARTBEAT_SECONDS (pg-boss requires at least 10). */
export function jobHeartbeatSeconds(definitionValue?: number): number {
  return definitionValue ?? readSetting("BOXED_JOB_HEARTBEAT_SECONDS");
}

/** BOXED_JOB_SUPERVISE_SECONDS: how often a worker looks for jobs and Tasks whose worker died. */
export function jobSuperviseSeconds(): number {
  return readSetting("BOXED_JOB_SUPERVISE_SECONDS");
}
