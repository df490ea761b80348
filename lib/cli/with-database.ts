// Opens the database for a CLI command: DATABASE_URL, or the embedded server started on demand.
// Migrations are applied first. An embedded server this command started is stopped again at the
// end, so a one-off command leaves no process behind (a running `npm start` is left alone).
import type { CliIo } from "@/lib/cli/command";
import { resolveDatabase } from "@/lib/db/database-url";
import { stopEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { disconnectPrisma } from "@/lib/db/prisma";
import { closePool } from "@/lib/db/pool";
import { boxedHome } from "@/lib/db/boxed-home";
import { stopProducer } from "@/lib/jobs/boss";

export async function withDatabase<T>(io: CliIo, fn: (databaseUrl: string) => Promise<T>, options: { keepRunning?: boolean } = {}): Promise<T> {
  const database = await resolveDatabase(io.env, (line) => io.stderr.write(`${line}\n`));
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = database.url;
  try {
    await migrateDatabase(database.url);
    return await fn(database.url);
  } finally {
    await stopProducer().catch(() => {});
    await disconnectPrisma();
    await closePool();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
    if (database.embedded?.startedHere && !options.keepRunning) await stopEmbeddedPostgres(boxedHome(io.env));
  }
}

/** The common command body: open the database, do the work, print the lines it returns, exit 0. */
export function printWithDatabase(io: CliIo, fn: () => Promise<string[]>): Promise<number> {
  return withDatabase(io, async () => {
    for (const line of await fn()) io.stdout.write(`${line}\n`);
    return 0;
  });
}
