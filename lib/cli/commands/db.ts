// `boxed db start|stop|status|migrate`: the checkout's embedded PostgreSQL, or DATABASE_URL.
import { parseArgs } from "node:util";
import type { CliCommand, CliIo } from "@/lib/cli/command";
import { boxedHome } from "@/lib/db/boxed-home";
import { ensureDatabaseExists, redactUrl, resolveDatabase } from "@/lib/db/database-url";
import { embeddedConfig, runningPid, stopEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { listMigrations, migrateDatabase } from "@/lib/db/migrate";
import pg from "pg";
import { readSetting } from "@/lib/settings/read-settings";

export const dbStartCommand: CliCommand = {
  path: ["db", "start"],
  summary: "start the embedded PostgreSQL (kept running) and apply migrations",
  usage: `usage: npx boxed db start

Starts this checkout's embedded PostgreSQL in the background (data in .boxed/pgdata, or
BOXED_HOME/pgdata), applies pending migrations, and prints the DATABASE_URL to use it from
other tools. With DATABASE_URL set, it only applies migrations there.`,
  async run(args, io) {
    parseArgs({ args, options: {} });
    const database = await resolveDatabase(io.env, (line) => io.stderr.write(`${line}\n`));
    const { applied } = await migrateDatabase(database.url);
    if (database.embedded) {
      const state = database.embedded.startedHere ? "started" : "already running";
      io.stdout.write(`embedded PostgreSQL ${state} on port ${database.embedded.config.port}\n`);
      io.stdout.write(`DATABASE_URL=${database.url}\n`);
    } else {
      io.stdout.write(`using DATABASE_URL (${redactUrl(database.url)}); nothing to start\n`);
    }
    io.stdout.write(applied.length ? `applied ${applied.length} migration(s): ${applied.join(", ")}\n` : "migrations: up to date\n");
    return 0;
  },
};

export const dbStopCommand: CliCommand = {
  path: ["db", "stop"],
  summary: "stop the embedded PostgreSQL",
  usage: "usage: npx boxed db stop\n\nStops this checkout's embedded PostgreSQL (fast shutdown; data is kept).",
  async run(args, io) {
    parseArgs({ args, options: {} });
    if (readSetting("DATABASE_URL", io.env)) {
      io.stdout.write("DATABASE_URL is set: Boxed does not manage that server; nothing to stop\n");
      return 0;
    }
    const stopped = await stopEmbeddedPostgres(boxedHome(io.env));
    io.stdout.write(stopped ? "embedded PostgreSQL stopped\n" : "embedded PostgreSQL was not running\n");
    return 0;
  },
};

export const dbStatusCommand: CliCommand = {
  path: ["db", "status"],
  summary: "show which database is used, whether it runs, and pending migrations",
  usage: "usage: npx boxed db status [--json]",
  async run(args, io) {
    const { values } = parseArgs({ args, options: { json: { type: "boolean", default: false } } });
    const status = await collectStatus(io);
    if (values.json) io.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
    else {
      io.stdout.write(`database:   ${status.database}\n`);
      io.stdout.write(`running:    ${status.running ? "yes" : "no"}${status.pid ? ` (pid ${status.pid})` : ""}\n`);
      if (status.dataDir) io.stdout.write(`data dir:   ${status.dataDir}\n`);
      if (status.applied !== null) io.stdout.write(`migrations: ${status.applied} applied, ${status.pending.length} pending${status.pending.length ? ` (${status.pending.join(", ")})` : ""}\n`);
    }
    return 0;
  },
};

async function collectStatus(io: CliIo) {
  const all = listMigrations().map((m) => m.name);
  let url: string | null = readSetting("DATABASE_URL", io.env) ?? null;
  let pid: number | null = null;
  let dataDir: string | null = null;
  if (!url) {
    const config = embeddedConfig(boxedHome(io.env));
    if (config) {
      dataDir = config.dataDir;
      pid = runningPid(config.dataDir);
      url = pid ? `postgresql://${config.user}:${encodeURIComponent(config.password)}@127.0.0.1:${config.port}/boxed` : null;
    }
  }
  let applied: number | null = null;
  let pending: string[] = all;
  let running = false;
  if (url) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      running = true;
      const exists = await client.query(`SELECT to_regclass('"_prisma_migrations"') AS t`);
      const done = exists.rows[0].t
        ? (await client.query(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)).rows.map((r) => r.migration_name as string)
        : [];
      applied = done.length;
      pending = all.filter((name) => !done.includes(name));
    } catch {
      running = false;
    } finally {
      await client.end().catch(() => {});
    }
  }
  return {
    database: url && readSetting("DATABASE_URL", io.env) ? `DATABASE_URL (${redactUrl(url)})` : "embedded",
    running,
    pid,
    dataDir,
    applied,
    pending,
  };
}

export const dbMigrateCommand: CliCommand = {
  path: ["db", "migrate"],
  summary: "apply pending migrations",
  usage: "usage: npx boxed db migrate\n\nApplies prisma/migrations to DATABASE_URL or the embedded database, recording them in _prisma_migrations.",
  async run(args, io) {
    parseArgs({ args, options: {} });
    const database = await resolveDatabase(io.env, (line) => io.stderr.write(`${line}\n`));
    try {
      if (database.embedded) await ensureDatabaseExists(database.embedded.url("postgres"), "boxed");
      const { applied } = await migrateDatabase(database.url);
      io.stdout.write(applied.length ? `applied ${applied.length} migration(s): ${applied.join(", ")}\n` : "migrations: up to date\n");
    } finally {
      if (database.embedded?.startedHere) await stopEmbeddedPostgres(boxedHome(io.env));
    }
    return 0;
  },
};
