// CPU seconds spent by a process and the children it has reaped, from /proc (Linux): what a step
// costs in CPU whatever else runs on a shared machine. For this process (the grading job's forked
// process is reaped when it exits) and for the embedded PostgreSQL (the postmaster reaps every
// backend that exits; live backends are read one by one).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const TICKS_PER_SECOND = 100;

/** utime, stime, cutime, cstime of /proc/<pid>/stat, in seconds. */
function times(pid: number | "self"): { own: number; children: number; ppid: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name may hold spaces: fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const n = (i: number) => Number(fields[i - 3]);
  return { own: (n(14) + n(15)) / TICKS_PER_SECOND, children: (n(16) + n(17)) / TICKS_PER_SECOND, ppid: n(4) };
}

/** This process and its reaped children. */
export function selfCpuSeconds(): number {
  const t = times("self");
  return t.own + t.children;
}

/** A PostgreSQL server: the postmaster, its reaped backends and its live ones. */
export function postgresCpuSeconds(pgdata: string): number {
  const postmaster = Number(readFileSync(join(pgdata, "postmaster.pid"), "utf8").split("\n")[0]);
  const main = times(postmaster);
  let total = main.own + main.children;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const t = times(Number(entry));
      if (t.ppid === postmaster) total += t.own + t.children;
    } catch {
      // The process ended while we read.
    }
  }
  return total;
}
