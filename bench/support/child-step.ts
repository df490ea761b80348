// Benchmarks that measure a step's memory run it in a child process of their own (`npm run bench
// -- <name> --child <step> ...`), so the peak RSS is the step's alone. The child samples its RSS
// every 50 ms and prints one RESULT line; the parent reads it back.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";

export interface StepResult {
  rows: number;
  seconds: number;
  peakRssMiB: number;
  detail?: string;
}

const benchDir = join(fileURLToPath(new URL(".", import.meta.url)), "..");

/** In the child: starts the RSS sampler; `finish` stops it, closes the pools and prints the RESULT line. */
export function measureChildStep(): { finish(rows: number, seconds: number, detail?: string): Promise<void> } {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    async finish(rows, seconds, detail) {
      clearInterval(sampler);
      await disconnectPrisma();
      await closePool();
      const result: StepResult = { rows, seconds, peakRssMiB: peak / 2 ** 20, detail };
      process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`);
    },
  };
}

/** In the parent: runs `bench/<bench>.ts --child <step> ...params` against `databaseUrl`. */
export async function runChildStep(bench: string, databaseUrl: string, step: string, params: string[]): Promise<StepResult> {
  // The parent's Node flags (tsx, and the hook that lets server-only modules load outside Next.js).
  const child = spawn(process.execPath, [...process.execArgv, join(benchDir, "run.ts"), bench, "--child", step, ...params], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (d) => {
    output += d;
    if (output.length > 1 << 20) output = output.slice(-(1 << 19));
  });
  const [code] = await once(child, "exit");
  const line = output.split("\n").find((l) => l.startsWith("RESULT "));
  if (code !== 0 || !line) throw new Error(`step ${step} failed (exit ${code}): ${output.slice(-2000)}`);
  return JSON.parse(line.slice(7)) as StepResult;
}

/** In a benchmark's `main`: when started as a child (`--child <step> ...`), runs that step; true if it did. */
export async function ranAsChild(args: string[], childStep: (step: string, params: string[]) => Promise<void>): Promise<boolean> {
  const childIndex = args.indexOf("--child");
  if (childIndex < 0) return false;
  await childStep(args[childIndex + 1] as string, args.slice(childIndex + 2));
  return true;
}
