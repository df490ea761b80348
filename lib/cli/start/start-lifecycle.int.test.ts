// Protects: `npm start` (the real `boxed start` process, with its own embedded PostgreSQL) stops
// everything it started whenever it is told to stop: SIGINT to its process group (Ctrl-C in the
// terminal) at several moments of start-up and after it, and SIGTERM to it alone. A worker that
// dies is restarted, and the web server and database carry on.
// The web server is a stand-in (BOXED_START_WEB_SCRIPT), so no test needs a `next build`.
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "@/lib/db/boxed-home";
import { embeddedConfig, runningPid } from "@/lib/db/embedded-postgres";
import { freePort } from "@/lib/net/free-port";

const home = mkdtempSync(join(tmpdir(), "boxed-start-"));
chmodSync(home, 0o755);
const dataDir = join(home, "pgdata");
const standIn = join(repoRoot, "tests", "support", "stand-in-web-server.mjs");
const started: ChildProcess[] = [];

interface StartRun {
  child: ChildProcess;
  port: number;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

async function startStudio(options: { readyMs?: number; args?: string[] } = {}): Promise<StartRun> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, BOXED_HOME: home, BOXED_PG_DATA: dataDir, PORT: String(port), BOXED_START_WEB_SCRIPT: standIn };
  env.BOXED_STANDIN_READY_MS = String(options.readyMs ?? 0);
  delete env.DATABASE_URL;
  // Its own process group, as a terminal gives `npm start`: Ctrl-C reaches every process in it.
  const child = spawn(process.execPath, [join(repoRoot, "bin", "boxed.mjs"), "start", "--no-demo", ...(options.args ?? [])], { cwd: repoRoot, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  started.push(child);
  let text = "";
  child.stdout?.on("data", (d: Buffer) => {
    text += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    text += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    port,
    output: () => text,
    exited,
    async waitFor(pattern, timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const match = text.match(pattern);
        if (match) return match;
        if (child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`never saw ${pattern} (exit code ${child.exitCode}); output:\n${text}`);
    },
  };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** The run has exited and left nothing: no process of its group, no PostgreSQL, no open port. */
async function expectNothingLeft(run: StartRun) {
  const code = await Promise.race([run.exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 60_000))]);
  expect(code, run.output()).not.toBe("timeout");
  const pgid = run.child.pid as number;
  for (let i = 0; i < 100 && groupAlive(pgid); i++) await new Promise((r) => setTimeout(r, 100));
  expect(groupAlive(pgid), `a process of the group outlived boxed start:\n${run.output()}`).toBe(false);
  expect(runningPid(dataDir), `PostgreSQL is still running:\n${run.output()}`).toBeNull();
  const pgPort = embeddedConfig(home)?.port;
  if (pgPort) expect(await portAnswers(pgPort)).toBe(false);
  expect(await portAnswers(run.port)).toBe(false);
  return code;
}

afterAll(async () => {
  for (const child of started) {
    if (child.pid && groupAlive(child.pid)) process.kill(-child.pid, "SIGKILL");
  }
  // A failed test may have orphaned the database: stop it by its pid file.
  const pid = runningPid(dataDir);
  if (pid) process.kill(pid, "SIGQUIT");
  for (let i = 0; i < 100 && runningPid(dataDir); i++) await new Promise((r) => setTimeout(r, 100));
  rmSync(home, { recursive: true, force: true });
}, 30_000);

describe("boxed start stops what it started", () => {
  it("on Ctrl-C while migrations run (right after the database started)", { timeout: 150_000 }, async () => {
    const run = await startStudio();
    await run.waitFor(/\[db\] embedded PostgreSQL started/, 120_000);
    process.kill(-(run.child.pid as number), "SIGINT");
    await expectNothingLeft(run);
    expect(run.output()).toMatch(/SIGINT: stopping/);
    expect(run.output()).toMatch(/embedded PostgreSQL stopped/);
  });

  it("on Ctrl-C once the web server process runs, before it answers", { timeout: 120_000 }, async () => {
    const run = await startStudio({ readyMs: 3000 });
    await run.waitFor(/\[web\] stand-in listening/);
    process.kill(-(run.child.pid as number), "SIGINT");
    await expectNothingLeft(run);
    expect(run.output()).not.toMatch(/Boxed is ready/);
    expect(run.output()).toMatch(/embedded PostgreSQL stopped/);
  });

  it("on Ctrl-C in the moment the web server first answers", { timeout: 120_000 }, async () => {
    const run = await startStudio({ readyMs: 1500 });
    await run.waitFor(/\[web\] stand-in listening/);
    // Poll the health route as `boxed start` does and signal the group the moment it answers.
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${run.port}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    process.kill(-(run.child.pid as number), "SIGINT");
    await expectNothingLeft(run);
    expect(run.output()).toMatch(/embedded PostgreSQL stopped/);
  });

  it("on Ctrl-C after start-up, reports no child as crashed while it stops them in turn", { timeout: 120_000 }, async () => {
    const run = await startStudio();
    await run.waitFor(/Boxed is ready/);
    await run.waitFor(/\[worker\] \[worker\] serving/);
    process.kill(-(run.child.pid as number), "SIGINT");
    expect(await expectNothingLeft(run)).toBe(0);
    expect(run.output()).toMatch(/embedded PostgreSQL stopped/);
    expect(run.output()).not.toMatch(/exited unexpectedly|restarting in/);
  });

  it("on SIGTERM to the start process alone, after start-up", { timeout: 120_000 }, async () => {
    const run = await startStudio();
    await run.waitFor(/Boxed is ready/);
    await run.waitFor(/\[worker\] \[worker\] serving/);
    run.child.kill("SIGTERM");
    expect(await expectNothingLeft(run)).toBe(0);
    expect(run.output()).toMatch(/embedded PostgreSQL stopped/);
  });

  it("restarts a worker killed with SIGKILL and keeps serving; Ctrl-C still stops everything", { timeout: 150_000 }, async () => {
    const run = await startStudio();
    await run.waitFor(/Boxed is ready/);
    const first = Number((await run.waitFor(/serving \d+ queues \(pid (\d+)\)/))[1]);
    process.kill(first, "SIGKILL");
    await run.waitFor(/\[worker\] exited unexpectedly \(signal SIGKILL\); restarting in/);
    const second = Number((await run.waitFor(/serving \d+ queues \(pid (\d+)\)[\s\S]*serving \d+ queues \(pid (\d+)\)/))[2]);
    expect(second).not.toBe(first);
    // The studio stayed up throughout: web server, database, start process.
    expect(run.child.exitCode).toBeNull();
    expect((await fetch(`http://127.0.0.1:${run.port}/api/health`)).ok).toBe(true);
    expect(runningPid(dataDir)).not.toBeNull();
    process.kill(-(run.child.pid as number), "SIGINT");
    expect(await expectNothingLeft(run)).toBe(0);
  });

  it("on Ctrl-C while a crashed worker waits to be restarted", { timeout: 120_000 }, async () => {
    const run = await startStudio();
    await run.waitFor(/Boxed is ready/);
    const pid = Number((await run.waitFor(/serving \d+ queues \(pid (\d+)\)/))[1]);
    process.kill(pid, "SIGKILL");
    await run.waitFor(/\[worker\] exited unexpectedly/);
    process.kill(-(run.child.pid as number), "SIGINT");
    expect(await expectNothingLeft(run)).toBe(0);
    expect(run.output().match(/serving \d+ queues/g)).toHaveLength(1);
  });
});
