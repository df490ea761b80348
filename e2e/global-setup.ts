import { fileURLToPath } from "node:url";
// Starts the studio exactly as a user does (`boxed start`: embedded PostgreSQL, migrations, demo
// data, build if needed, web server, worker) in a temporary BOXED_HOME, then creates and signs in
// one user per role. Returns the teardown, which stops it with SIGTERM like Ctrl-C would.
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { chromium, type FullConfig } from "@playwright/test";
import { removeAbandonedClusters } from "../tests/support/remove-abandoned-clusters";
import { chromiumLaunchOptions } from "./support/chromium";
import { authRoot } from "./support/auth-dir";
import { e2eEnvFile } from "./support/e2e-env";
import { E2E_PASSWORD, E2E_ROLES, emailFor, storageStateFor } from "./support/roles";
import { runCli } from "./support/run-cli";
import { signInThroughForm } from "./support/sign-in-form";
import { freePort } from "../lib/net/free-port";

const here = dirname(fileURLToPath(import.meta.url));

const root = join(here, "..");

function waitForReady(child: ChildProcess, log: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`boxed start was not ready in 240 s:\n${log.join("")}`)), 240_000);
    const onData = (chunk: Buffer) => {
      log.push(chunk.toString());
      if (chunk.toString().includes("Boxed is ready at")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => log.push(chunk.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`boxed start exited with code ${code}:\n${log.join("")}`));
    });
  });
}

// A run killed with SIGKILL leaves its embedded PostgreSQL running (it lives in its own session
// so Ctrl-C cannot kill it before the app); the next run stops those whose owner is gone.
export default async function globalSetup(_config: FullConfig) {
  chromiumLaunchOptions();
  await removeAbandonedClusters("boxed-e2e-");
  mkdirSync(authRoot, { recursive: true });
  process.env.E2E_AUTH_DIR = mkdtempSync(join(authRoot, "run-"));
  const home = mkdtempSync(join(tmpdir(), "boxed-e2e-"));
  chmodSync(home, 0o755);
  writeFileSync(join(home, "owner.pid"), String(process.pid));
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  process.env.E2E_BASE_URL = baseUrl;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BOXED_HOME: home,
    PORT: String(port),
    BOXED_ADMIN_EMAIL: emailFor("admin"),
    BOXED_ADMIN_PASSWORD: E2E_PASSWORD,
  };
  delete env.DATABASE_URL;
  const log: string[] = [];
  const child = spawn(process.execPath, [join(root, "bin", "boxed.mjs"), "start"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  await waitForReady(child, log);

  const pg = JSON.parse(readFileSync(join(home, "pg.json"), "utf8"));
  const databaseUrl = `postgresql://${pg.user}:${encodeURIComponent(pg.password)}@127.0.0.1:${pg.port}/boxed`;
  writeFileSync(e2eEnvFile(), JSON.stringify({ baseUrl, databaseUrl, boxedHome: home }, null, 2));

  for (const role of E2E_ROLES.filter((r) => r !== "admin")) {
    const result = runCli(["user", "add", "--email", emailFor(role), "--role", role], `${E2E_PASSWORD}\n`);
    if (result.status !== 0) throw new Error(`could not create the ${role} user: ${result.stderr}`);
  }
  const browser = await chromium.launch(chromiumLaunchOptions());
  for (const role of E2E_ROLES) {
    const context = await browser.newContext({ baseURL: baseUrl });
    const page = await context.newPage();
    await signInThroughForm(page, emailFor(role), E2E_PASSWORD);
    await context.storageState({ path: storageStateFor(role) });
    await context.close();
  }
  await browser.close();

  return async () => {
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    await exited;
    clearTimeout(timer);
    rmSync(home, { recursive: true, force: true });
    rmSync(process.env.E2E_AUTH_DIR as string, { recursive: true, force: true });
  };
}
