// Protects, from the browser: a worker killed with SIGKILL in the middle of an upload's import
// does not leave the page saying "importing" forever. `npm start` restarts the worker, the import's
// Task is failed with what happened, and the import page says so. Runs a studio of its own (own
// BOXED_HOME, database and port) with short job heartbeats, so killing its worker touches no other
// spec, and stops it with Ctrl-C to its process group at the end.
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { freePort } from "../lib/net/free-port";
import { importThroughForm } from "./support/import-form";
import { signInThroughForm } from "./support/sign-in-form";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// Made in beforeAll: Playwright also loads this file in processes that only list the tests.
let home = "";
const EMAIL = "crash-admin@boxed.local";
const PASSWORD = "crash-test-password-1";
let studio: ChildProcess | undefined;
let output = "";
let baseUrl = "";

async function waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = output.match(pattern);
    if (match) return match;
    if (studio?.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never saw ${pattern}:\n${output}`);
}

function postgresAlive(dataDir: string): boolean {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return false;
  try {
    process.kill(Number(readFileSync(pidFile, "utf8").split("\n")[0]), 0);
    return true;
  } catch {
    return false;
  }
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  home = mkdtempSync(join(tmpdir(), "boxed-e2e-crash-"));
  chmodSync(home, 0o755);
  writeFileSync(join(home, "owner.pid"), String(process.pid));
  const port = await freePort();
  baseUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BOXED_HOME: home,
    PORT: String(port),
    BOXED_DEMO: "0",
    BOXED_ADMIN_EMAIL: EMAIL,
    BOXED_ADMIN_PASSWORD: PASSWORD,
    BOXED_JOB_HEARTBEAT_SECONDS: "10",
    BOXED_JOB_SUPERVISE_SECONDS: "2",
  };
  delete env.DATABASE_URL;
  studio = spawn(process.execPath, [join(root, "bin", "boxed.mjs"), "start"], { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  studio.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  studio.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  await waitForOutput(/Boxed is ready at/, 280_000);
});

test.afterAll(async () => {
  if (!home) return;
  if (studio?.pid && studio.exitCode === null) {
    const exited = new Promise((resolve) => studio?.on("exit", resolve));
    process.kill(-studio.pid, "SIGINT");
    const timer = setTimeout(() => studio?.pid && process.kill(-studio.pid, "SIGKILL"), 60_000);
    await exited;
    clearTimeout(timer);
  }
  const config = join(home, "pg.json");
  const dataDir = existsSync(config) ? (JSON.parse(readFileSync(config, "utf8")) as { dataDir: string }).dataDir : null;
  const orphaned = dataDir !== null && postgresAlive(dataDir);
  // Never leave a database behind, even when the assertion below fails.
  if (orphaned && dataDir) process.kill(Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]), "SIGQUIT");
  rmSync(home, { recursive: true, force: true });
  expect(orphaned, `the studio left its PostgreSQL running:\n${output}`).toBe(false);
});

test("a worker killed mid-import: the studio stays up, the page says the import failed and why", async ({ browser }) => {
  test.setTimeout(240_000);
  const lines: string[] = [];
  for (let i = 0; i < 300_000; i++) {
    lines.push(JSON.stringify({ problem: `Crash problem ${i}: what is ${i} + 1?`, generated_solution: `${i} + 1 = \\boxed{${i + 1}}.`, expected_answer: String(i + 1) }));
  }
  const file = join(home, "crash-upload.jsonl");
  writeFileSync(file, `${lines.join("\n")}\n`);

  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInThroughForm(page, EMAIL, PASSWORD);

  await importThroughForm(page, { file, set: "e2e-crash-import", role: "synthetic" });
  await expect(page.getByRole("region", { name: "Import progress" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/[1-9][\d,]* problems inserted/)).toBeVisible({ timeout: 60_000 });

  const workerPid = Number((await waitForOutput(/serving \d+ queues \(pid (\d+)\)/, 10_000))[1]);
  process.kill(workerPid, "SIGKILL");

  const alert = page.getByRole("alert").filter({ hasText: "Import failed." });
  await expect(alert).toContainText("Import failed. The worker running this stopped before finishing it", { timeout: 120_000 });
  await expect(alert).toContainText("Nothing was imported");
  await expect(alert).toContainText("upload it again");
  await expect(page.getByRole("region", { name: "Import progress" })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("import-failed-after-worker-crash.png"), fullPage: false });
  expect(output).toMatch(/\[worker\] exited unexpectedly \(signal SIGKILL\); restarting in/);
  // The restarted worker (another pid) is the one that noticed.
  expect(output).toMatch(/\[recovery\] task \d+ \(dataset-import\) failed/);
  // The web server never went away.
  expect((await page.request.get("/api/health")).ok()).toBe(true);
  await context.close();
});
