// Protects: the embedded PostgreSQL survives what happens to real users: a crash that leaves a
// stale postmaster.pid, a second start while it runs, a taken port, and a data directory the
// postgres user cannot read (a clear message, not a stack).
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { embeddedConfig, runningPid, startEmbeddedPostgres, stopEmbeddedPostgres } from "@/lib/db/embedded-postgres";

const homes: string[] = [];
function newHome() {
  const home = mkdtempSync(join(tmpdir(), "boxed-pgtest-"));
  chmodSync(home, 0o755);
  homes.push(home);
  return home;
}

afterAll(async () => {
  for (const home of homes) {
    await stopEmbeddedPostgres(home).catch(() => {});
    rmSync(home, { recursive: true, force: true });
  }
});

async function select1(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query("SELECT 1 AS one");
  await client.end();
  return rows[0].one;
}

describe("embedded PostgreSQL", () => {
  it("reuses a running server, recovers from a crash, and keeps its data", async () => {
    const home = newHome();
    // Durable settings, as `npm start` uses: a committed row must survive the crash.
    const first = await startEmbeddedPostgres({ home });
    expect(first.startedHere).toBe(true);
    const admin = new pg.Client({ connectionString: first.url("postgres") });
    await admin.connect();
    await admin.query("CREATE TABLE kept (v text)");
    await admin.query("INSERT INTO kept VALUES ('still here')");
    await admin.end();

    const second = await startEmbeddedPostgres({ home });
    expect(second.startedHere).toBe(false);
    expect(second.config.port).toBe(first.config.port);

    // A crash: the postmaster dies without cleaning up its pid file.
    const pid = runningPid(first.config.dataDir) as number;
    process.kill(pid, "SIGKILL");
    await new Promise((r) => setTimeout(r, 500));
    const log: string[] = [];
    const recovered = await startEmbeddedPostgres({ home, log: (l) => log.push(l) });
    expect(recovered.startedHere).toBe(true);
    expect(log.join("\n")).toContain("stale postmaster.pid");
    const client = new pg.Client({ connectionString: recovered.url("postgres") });
    await client.connect();
    const { rows } = await client.query("SELECT v FROM kept");
    await client.end();
    expect(rows[0].v).toBe("still here");
    expect(await stopEmbeddedPostgres(home)).toBe(true);
    expect(runningPid(first.config.dataDir)).toBeNull();
  });

  it("moves to a free port when its port was taken by another program", async () => {
    const home = newHome();
    const started = await startEmbeddedPostgres({ home, ephemeral: true });
    await stopEmbeddedPostgres(home);
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(started.config.port, "127.0.0.1", resolve));
    try {
      const log: string[] = [];
      const moved = await startEmbeddedPostgres({ home, ephemeral: true, log: (l) => log.push(l) });
      expect(moved.config.port).not.toBe(started.config.port);
      expect(log.join("\n")).toContain(`port ${started.config.port} is taken`);
      expect(await select1(moved.url("postgres"))).toBe(1);
      expect(embeddedConfig(home)?.port).toBe(moved.config.port);
    } finally {
      squatter.close();
      await stopEmbeddedPostgres(home);
    }
  });

  it.skipIf(userInfo().uid !== 0)("names the fix when the postgres user cannot read the data directory", async () => {
    const home = newHome();
    const started = await startEmbeddedPostgres({ home, ephemeral: true });
    await stopEmbeddedPostgres(home);
    chmodSync(started.config.dataDir, 0o000);
    try {
      await expect(startEmbeddedPostgres({ home, ephemeral: true })).rejects.toThrow(/not readable by the postgres user/);
    } finally {
      chmodSync(started.config.dataDir, 0o700);
    }
  });

  it("reports a server that will not start with the reason from its log", async () => {
    const home = newHome();
    const started = await startEmbeddedPostgres({ home, ephemeral: true });
    await stopEmbeddedPostgres(home);
    const conf = join(started.config.dataDir, "postgresql.conf");
    const original = readFileSync(conf, "utf8");
    writeFileSync(conf, `${original}\nshared_buffers = 'lots'\n`);
    try {
      await expect(startEmbeddedPostgres({ home, ephemeral: true })).rejects.toThrow(/PostgreSQL did not start: .*shared_buffers/);
    } finally {
      writeFileSync(conf, original);
    }
  });
});
