// How fast a dead worker's job is noticed. A running job's worker refreshes the job's heartbeat
// every half heartbeat; a job unheard of for a whole heartbeat is failed (or put back for a retry)
// by the next supervision pass of any live worker, which runs every few seconds. Both are settings
// so tests can make a crash visible in seconds; the defaults leave a worker whose event loop is
// busy for a while (a long grading step) well clear of being declared dead.
const DEFAULT_HEARTBEAT_SECONDS = 60;
const DEFAULT_SUPERVISE_SECONDS = 15;

function seconds(value: string | undefined, fallback: number, min: number): number {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= min ? Math.round(parsed) : fallback;
}

/** BOXED_JOB_HEARTBEAT_SECONDS (pg-boss requires at least 10). */
export function jobHeartbeatSeconds(definitionValue?: number): number {
  return definitionValue ?? seconds(process.env.BOXED_JOB_HEARTBEAT_SECONDS, DEFAULT_HEARTBEAT_SECONDS, 10);
}

/** BOXED_JOB_SUPERVISE_SECONDS: how often a worker looks for jobs and Tasks whose worker died. */
export function jobSuperviseSeconds(): number {
  return seconds(process.env.BOXED_JOB_SUPERVISE_SECONDS, DEFAULT_SUPERVISE_SECONDS, 1);
}
