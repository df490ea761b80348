// What `bench -- scale` reports of each process and of the disk: peak resident memory as Linux
// keeps it (VmHWM, the high-water mark, exact, unlike sampling) and the bytes under a directory.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
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
