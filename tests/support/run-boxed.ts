// Runs the real `boxed` CLI as a child process for integration tests. Asynchronous, so an LLM
// stand-in or server in the test's own process keeps answering while the CLI runs.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "@/lib/db/boxed-home";

export function runBoxed(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, "bin", "boxed.mjs"), ...args], { env: process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
