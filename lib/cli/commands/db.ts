// `boxed db start|stop|status|migrate`: the checkout's embedded PostgreSQL, or DATABASE_URL.
import { parseArgs } from "node:util";
import type { CliCommand, CliIo } from "@/lib/cli/command";
import { flagOptions } from "@/lib/cli/options";
import { boxedHome } from "@/lib/db/boxed-home";
import { ensureDatabaseExists, redactUrl, resolveDatabase } from "@/lib/db/database-url";
import { embeddedConfig, runningPid, stopEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { listMigrations, migrateDatabase } from "@/lib/db/migrate";
import pg from "pg";
import { readSetting } from "@/lib/settings/read-settings";

/** A `db` command without options (parseArgs refuses any argument) that prints lines and exits 0. */
function dbCommand(word: string, summary: string, usage: string, run: (io: CliIo, say: (line: string) => void) => Promise<void>): CliCommand {
  return {
    path: ["db", word],
    summary,
    usage,
    async run(args, io) {
      parseArgs({ args, options: {} });
      await run(io, (line) => io.stdout.write(`${line}\n`));
      return 0;
    },
  };
}

const migrationsLine = (applied: string[]) => (applied.length ? `applied ${applied.length} migration(s): ${applied.join(", ")}` : "migrations: up to date");

export const dbStartCommand = dbCommand(
  "start",
  "start the embedded PostgreSQL (kept running) and apply migrations",
  `usage: npx boxed db start

Starts this checkout's embedded PostgreSQL in the background (data in .boxed/pgdata, or
BOXED_HOME/pgdata), applies pending migrations, and prints the DATABASE_URL to use it from
other tools. With DATABASE_URL set, it only applies migrations there.`,
  async (io, say) => {
    const database = await resolveDatabase(io.env, (line) => io.stderr.write(`${line}\n`));
    const { applied } = await migrateDatabase(database.url);
    if (database.embedded) {
      say(`embedded PostgreSQL ${database.embedded.startedHere ? "started" : "already running"} on port ${database.embedded.config.port}`);
      say(`DATABASE_URL=${database.url}`);
    } else say(`using DATABASE_URL (${redactUrl(database.url)}); nothing to start`);
    say(migrationsLine(applied));
  },
);

export const dbStopCommand = dbCommand("stop", "stop the embedded PostgreSQL", "usage: npx boxed db stop\n\nStops this checkout's embedded PostgreSQL (fast shutdown; data is kept).", async (io, say) => {
  if (readSetting("DATABASE_URL", io.env)) say("DATABASE_URL is set: Boxed does not manage that server; nothing to stop");
  else say((await stopEmbeddedPostgres(boxedHome(io.env))) ? "embedded PostgreSQL stopped" : "embedded PostgreSQL was not running");
});

export const dbStatusCommand: CliCommand = {
  path: ["db", "status"],
  summary: "show which database is used, whether it runs, and pending migrations",
  usage: "usage: npx boxed db status [--json]",
  async run(args, io) {
    const { values } = parseArgs({ args, options: flagOptions("json") });
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

export const dbMigrateCommand = dbCommand(
  "migrate",
  "apply pending migrations",
  "usage: npx boxed db migrate\n\nApplies prisma/migrations to DATABASE_URL or the embedded database, recording them in _prisma_migrations.",
  async (io, say) => {
    const database = await resolveDatabase(io.env, (line) => io.stderr.write(`${line}\n`));
    try {
      if (database.embedded) await ensureDatabaseExists(database.embedded.url("postgres"), "boxed");
      say(migrationsLine((await migrateDatabase(database.url)).applied));
    } finally {
      if (database.embedded?.startedHere) await stopEmbeddedPostgres(boxedHome(io.env));
    }
  },
);
