// One answer to "which database?" for the web app, workers, CLI and tests: DATABASE_URL when set
// (the embedded server is then never started), else the checkout's embedded PostgreSQL, started
// on demand.
import pg from "pg";
import { boxedHome } from "@/lib/db/boxed-home";
import { type RunningCluster, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { UserFacingError } from "@/lib/errors";
import { readSetting } from "@/lib/settings/read-settings";

export interface ResolvedDatabase {
  url: string;
  embedded: RunningCluster | null;
}

export async function resolveDatabase(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = () => {},
): Promise<ResolvedDatabase> {
  const configured = readSetting("DATABASE_URL", env);
  if (configured) {
    await checkReachable(configured);
    return { url: configured, embedded: null };
  }
  const cluster = await startEmbeddedPostgres({ home: boxedHome(env), log });
  await ensureDatabaseExists(cluster.url("postgres"), "boxed");
  return { url: cluster.url("boxed"), embedded: cluster };
}

/** Fails with a one-line message naming the server and the fix instead of a driver stack. */
export async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw describeConnectionError(url, error);
  } finally {
    await client.end().catch(() => {});
  }
}

export function describeConnectionError(url: string, error: unknown): UserFacingError {
  const safe = redactUrl(url);
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ECONNREFUSED" || code === "ETIMEDOUT" || code === "EHOSTUNREACH" || code === "ENOTFOUND") {
    return new UserFacingError(
      `Cannot reach PostgreSQL at ${safe} (${code}).`,
      "start that server, fix DATABASE_URL, or unset DATABASE_URL to use the embedded database",
    );
  }
  if (code === "28P01" || code === "28000") {
    return new UserFacingError(`PostgreSQL at ${safe} refused the credentials (${message}).`, "fix the user or password in DATABASE_URL");
  }
  if (code === "3D000") {
    return new UserFacingError(`${message} at ${safe}.`, "create the database (`createdb`) or fix its name in DATABASE_URL");
  }
  return new UserFacingError(`Cannot connect to PostgreSQL at ${safe}: ${message}`, "check DATABASE_URL");
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

export async function ensureDatabaseExists(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } catch (error) {
    // Two processes starting at once may race to create it.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await client.end();
  }
}
