// `npm start` / `boxed start`: the whole studio on one machine. Order matters both ways:
// database → migrations → first admin → demo data → build → web server + worker; on Ctrl-C (at
// any moment, start-up included) the web server and worker stop first, then the embedded database
// (if this command started it). A web server or worker that dies is restarted with a backoff.
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { CliCommand, CliIo } from "@/lib/cli/command";
import { commandOptions } from "@/lib/cli/options";
import { buildIsStale, buildWebApp } from "@/lib/cli/start/build-if-needed";
import { startChild, waitForHttp } from "@/lib/cli/start/child-process";
import { localSecrets } from "@/lib/cli/start/local-secrets";
import { assertPortFree, parsePort } from "@/lib/cli/start/port-check";
import { listenForStop, StopRequested } from "@/lib/cli/start/stop-signals";
import { type SupervisedChild, superviseChild } from "@/lib/cli/start/supervised-child";
import { boxedHome, repoRoot } from "@/lib/db/boxed-home";
import { checkReachable, ensureDatabaseExists, redactUrl } from "@/lib/db/database-url";
import { startEmbeddedPostgres, stopEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { checkSettings, readSetting } from "@/lib/settings/read-settings";
import { stopProducer } from "@/lib/jobs/boss";
import { loadDemoIfEmpty } from "@/lib/demo/load-demo";
import { ensureDefaultTemplates } from "@/lib/generation/templates/ensure-default-templates";
import { ensureFirstAdmin, type FirstAdmin } from "@/lib/users/ensure-first-admin";

export const startCommand: CliCommand = {
  path: ["start"],
  summary: "start the studio: database, migrations, demo data, web app and a worker",
  usage: `usage: npm start   (or: npx boxed start [--port N] [--no-worker] [--no-demo])

Starts PostgreSQL (embedded, unless DATABASE_URL is set), applies migrations, creates the first
admin and loads demo data into an empty database, builds the web app if needed, then runs the web
server on PORT (default 3000) and one job worker. A web server or worker that exits on its own is
restarted (after 1 s, doubling up to 30 s while it keeps failing). Ctrl-C stops everything, at any
moment of start-up too.`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: commandOptions(["port"], ["no-worker", "no-demo"]) });
    const started = Date.now();
    // Every setting is checked before anything starts: a bad value names itself now, not later.
    checkSettings(io.env);
    const port = values.port !== undefined ? parsePort(values.port, 3000) : readSetting("PORT", io.env);
    await assertPortFree(port);
    const say = (line: string) => io.stdout.write(`${line}\n`);

    // Everything started below is recorded here the moment it exists, and `shutdown` stops exactly
    // that, in reverse order, whichever way this function is left: Ctrl-C at any step, a step that
    // throws, the web server that never answers.
    const services: SupervisedChild[] = [];
    let embeddedHome: string | null = null;
    let stopping: Promise<void> | null = null;
    const shutdown = () => {
      stopping ??= (async () => {
        for (const service of [...services].reverse()) await attempt(`stopping the ${service.name}`, () => service.stop());
        await attempt("closing database connections", async () => {
          await stopProducer();
          await disconnectPrisma();
          await closePool();
        });
        if (embeddedHome) {
          const home = embeddedHome;
          await attempt("stopping the embedded PostgreSQL", async () => {
            await stopEmbeddedPostgres(home);
            say("[db] embedded PostgreSQL stopped");
          });
        }
      })();
      return stopping;
    };
    const attempt = async (what: string, fn: () => Promise<unknown>) => {
      try {
        await fn();
      } catch (error) {
        say(`[stop] ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    const stop = listenForStop((signal, count) => {
      if (count === 1) say(`\n${signal}: stopping${services.length ? ` ${services.map((s) => s.name).join(", ")} and` : ""} ${embeddedHome ? "the embedded database" : "start-up"}…`);
      else say(`${signal}: still stopping (waiting for the steps above to finish)…`);
    });

    try {
      const database = await openDatabase(io.env, say, (home) => {
        embeddedHome = home;
      });
      stop.throwIfRequested();
      process.env.DATABASE_URL = database.url;
      const { applied } = await migrateDatabase(database.url);
      if (applied.length) say(`[db] applied ${applied.length} migration(s)`);
      stop.throwIfRequested();
      const admin = await ensureFirstAdmin(io.env);
      await ensureDefaultTemplates();
      stop.throwIfRequested();
      if (!values["no-demo"] && readSetting("BOXED_DEMO", io.env) !== "0") {
        const demo = await loadDemoIfEmpty((line) => say(`[demo] ${line}`));
        if (demo) say(`[demo] loaded ${demo.problems} problems and ${demo.samples} solutions into an empty database`);
      }
      await disconnectPrisma();
      stop.throwIfRequested();

      const env = {
        ...io.env,
        ...localSecrets(boxedHome(io.env), io.env),
        DATABASE_URL: database.url,
        NEXTAUTH_URL: readSetting("NEXTAUTH_URL", io.env) ?? `http://localhost:${port}`,
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(port),
      };
      // Tests stand a small HTTP server in for Next.js (tests/support/stand-in-web-server.mjs), so
      // they can stop a start-up at any moment without building the web app.
      const standIn = readSetting("BOXED_START_WEB_SCRIPT", io.env);
      if (!standIn && buildIsStale()) {
        say("[web] building the web app (first start or changed sources)…");
        await buildWebApp({ ...env, NODE_ENV: "production" }, repoRoot, stop.abort);
      }
      stop.throwIfRequested();
      const nextBin = join(repoRoot, "node_modules", "next", "dist", "bin", "next");
      const webArgs = standIn ? [standIn] : [nextBin, "start", "-p", String(port)];
      const shuttingDown = () => stop.requested !== null;
      const web = superviseChild("web", () => startChild("web", webArgs, { ...env, NODE_ENV: "production" }, repoRoot, io.stdout), say, undefined, shuttingDown);
      services.push(web);
      if (!values["no-worker"]) {
        services.push(superviseChild("worker", () => startChild("worker", [join(repoRoot, "bin", "boxed.mjs"), "worker"], env, repoRoot, io.stdout), say, undefined, shuttingDown));
      }
      const webAlive = () => {
        const child = web.current()?.process;
        return !!child && child.exitCode === null && child.signalCode === null;
      };
      const ready = await waitForHttp(`http://127.0.0.1:${port}/api/health`, 120_000, webAlive, stop.abort);
      stop.throwIfRequested();
      if (!ready) {
        say("[web] the web server did not come up; see the lines above");
        return 1;
      }
      printBanner(io, port, admin, (Date.now() - started) / 1000);
      // From here on a child that dies is restarted (superviseChild); only a signal ends the studio.
      await stop.whenRequested;
      return 0;
    } catch (error) {
      if (error instanceof StopRequested || stop.requested) return 0;
      throw error;
    } finally {
      await shutdown();
      if (stop.requested) say("stopped.");
      stop.dispose();
    }
  },
};

/** DATABASE_URL, or the embedded server: `onEmbeddedStarted` hears of it before anything else can fail. */
async function openDatabase(env: NodeJS.ProcessEnv, say: (line: string) => void, onEmbeddedStarted: (home: string) => void): Promise<{ url: string }> {
  const configured = readSetting("DATABASE_URL", env);
  if (configured) {
    await checkReachable(configured);
    say(`[db] using DATABASE_URL ${redactUrl(configured)}`);
    return { url: configured };
  }
  const home = boxedHome(env);
  const cluster = await startEmbeddedPostgres({ home, log: (line) => say(`[db] ${line}`) });
  if (cluster.startedHere) onEmbeddedStarted(home);
  say(`[db] embedded PostgreSQL ${cluster.startedHere ? "started" : "already running"} on port ${cluster.config.port}`);
  await ensureDatabaseExists(cluster.url("postgres"), "boxed");
  return { url: cluster.url("boxed") };
}

function printBanner(io: CliIo, port: number, admin: FirstAdmin, seconds: number) {
  const lines = [
    "",
    `  Boxed is ready at http://localhost:${port}   (${seconds.toFixed(1)} s)`,
    "",
    admin.generatedPassword
      ? `  Sign in as ${admin.email} with password ${admin.generatedPassword}\n  (shown once: only its hash is stored; change it with \`npx boxed user reset-password --email ${admin.email}\`)`
      : admin.created
        ? `  Sign in as ${admin.email} with the password from BOXED_ADMIN_PASSWORD.`
        : `  Sign in as ${admin.email} (password printed at the first start; forgot it? \`npx boxed user reset-password --email ${admin.email}\`)`,
    "",
    "  Press Ctrl-C to stop.",
    "",
  ];
  io.stdout.write(`${lines.join("\n")}\n`);
}
