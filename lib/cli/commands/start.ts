// `npm start` / `boxed start`: the whole studio on one machine. Order matters both ways:
// database → migrations → first admin → demo data → build → web server + worker; on Ctrl-C the
// web server and worker stop first, then the embedded database (if this command started it).
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { CliCommand, CliIo } from "@/lib/cli/command";
import { buildIsStale, buildWebApp } from "@/lib/cli/start/build-if-needed";
import { type ManagedChild, startChild, waitForHttp } from "@/lib/cli/start/child-process";
import { localSecrets } from "@/lib/cli/start/local-secrets";
import { assertPortFree, parsePort } from "@/lib/cli/start/port-check";
import { waitForStopSignal } from "@/lib/cli/commands/worker";
import { boxedHome, repoRoot } from "@/lib/db/boxed-home";
import { redactUrl, resolveDatabase } from "@/lib/db/database-url";
import { stopEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { disconnectPrisma } from "@/lib/db/prisma";
import { loadDemoIfEmpty } from "@/lib/demo/load-demo";
import { ensureDefaultTemplates } from "@/lib/generation/templates/ensure-default-templates";
import { ensureFirstAdmin, type FirstAdmin } from "@/lib/users/ensure-first-admin";

export const startCommand: CliCommand = {
  path: ["start"],
  summary: "start the studio: database, migrations, demo data, web app and a worker",
  usage: `usage: npm start   (or: npx boxed start [--port N] [--no-worker] [--no-demo])

Starts PostgreSQL (embedded, unless DATABASE_URL is set), applies migrations, creates the first
admin and loads demo data into an empty database, builds the web app if needed, then runs the web
server on PORT (default 3000) and one job worker. Ctrl-C stops everything.`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: "string" },
        "no-worker": { type: "boolean", default: false },
        "no-demo": { type: "boolean", default: false },
      },
    });
    const started = Date.now();
    const port = parsePort(values.port ?? io.env.PORT, 3000);
    await assertPortFree(port);
    const say = (line: string) => io.stdout.write(`${line}\n`);

    const database = await resolveDatabase(io.env, (line) => say(`[db] ${line}`));
    say(database.embedded ? `[db] embedded PostgreSQL ${database.embedded.startedHere ? "started" : "already running"} on port ${database.embedded.config.port}` : `[db] using DATABASE_URL ${redactUrl(database.url)}`);
    const children: ManagedChild[] = [];
    const shutdown = async () => {
      for (const child of [...children].reverse()) await child.stop();
      await disconnectPrisma();
      if (database.embedded?.startedHere) {
        await stopEmbeddedPostgres(boxedHome(io.env));
        say("[db] embedded PostgreSQL stopped");
      }
    };
    try {
      process.env.DATABASE_URL = database.url;
      const { applied } = await migrateDatabase(database.url);
      if (applied.length) say(`[db] applied ${applied.length} migration(s)`);
      const admin = await ensureFirstAdmin(io.env);
      await ensureDefaultTemplates();
      if (!values["no-demo"] && io.env.BOXED_DEMO !== "0") {
        const demo = await loadDemoIfEmpty((line) => say(`[demo] ${line}`));
        if (demo) say(`[demo] loaded ${demo.problems} problems and ${demo.samples} solutions into an empty database`);
      }
      await disconnectPrisma();

      const env = {
        ...io.env,
        ...localSecrets(boxedHome(io.env), io.env),
        DATABASE_URL: database.url,
        NEXTAUTH_URL: io.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(port),
      };
      if (buildIsStale()) {
        say("[web] building the web app (first start or changed sources)…");
        await buildWebApp({ ...env, NODE_ENV: "production" });
      }
      const nextBin = join(repoRoot, "node_modules", "next", "dist", "bin", "next");
      const web = startChild("web", [nextBin, "start", "-p", String(port)], { ...env, NODE_ENV: "production" }, repoRoot, io.stdout);
      children.push(web);
      if (!values["no-worker"]) {
        children.push(startChild("worker", [join(repoRoot, "bin", "boxed.mjs"), "worker"], env, repoRoot, io.stdout));
      }
      const ready = await waitForHttp(`http://127.0.0.1:${port}/api/health`, 120_000, () => web.process.exitCode === null);
      if (!ready) {
        say("[web] the web server did not come up; see the lines above");
        await shutdown();
        return 1;
      }
      printBanner(io, port, admin, (Date.now() - started) / 1000);
      const firstExit = Promise.race(children.map((child) => child.exited.then((code) => ({ child, code }))));
      const outcome = await Promise.race([waitForStopSignal().then((signal) => ({ signal })), firstExit]);
      if ("signal" in outcome) {
        say(`\n${outcome.signal}: stopping web server${values["no-worker"] ? "" : ", worker"} and database…`);
        await shutdown();
        say("stopped.");
        return 0;
      }
      say(`[${outcome.child.name}] exited unexpectedly (code ${outcome.code}); stopping the rest`);
      await shutdown();
      return 1;
    } catch (error) {
      await shutdown();
      throw error;
    }
  },
};

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
