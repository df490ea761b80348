// What `bench -- scale` reports of each process and of the disk: peak resident memory as Linux
// keeps it (VmHWM, the high-water mark, exact, unlike sampling) and the bytes under a directory.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";

/** Peak RSS of a live process in MiB, or null when it is gone (or not Linux). */
export function peakRssMiB(pid: number = process.pid): number | null {
  const file = `/proc/${pid}/status`;
  if (!existsSync(file)) return null;
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(file, "utf8"));
  return match ? Number(match[1]) / 1024 : null;
}

/** Bytes under `paths` (du -sb), following nothing; 0 for a path that does not exist. */
export function diskBytes(...paths: string[]): number {
  let total = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    total += Number(execFileSync("du", ["-sb", path], { encoding: "utf8" }).split("\t")[0]);
  }
  return total;
}

export const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
export const load1 = () => loadavg()[0];

const TICKS_PER_SECOND = 100; // Linux's USER_HZ on every architecture Node runs on

/** CPU seconds of a process: its own threads, plus its children that have exited (cutime/cstime). */
export function cpuSeconds(pid: number | "self" = "self"): number {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return 0;
  const text = readFileSync(file, "utf8");
  // Fields after the command name (which may hold spaces) in parentheses: state is field 3.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
  return (utime + stime + cutime + cstime) / TICKS_PER_SECOND;
}

/**
 * CPU seconds of a PostgreSQL cluster so far: the postmaster with the backends that have exited
 * (counted in its cutime/cstime) and the ones still running.
 */
export function clusterCpuSeconds(postmasterPid: number | null): number {
  if (!postmasterPid) return 0;
  let total = cpuSeconds(postmasterPid);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[1]) === postmasterPid) total += (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    } catch {
      // The process ended while we read.
    }
  }
  return total;
}
