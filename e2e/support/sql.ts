// Direct SQL against the studio's database under test, for arranging rows and checking results
// that the page under test should have written. One short connection per call.
import pg from "pg";
import { e2eEnv } from "./e2e-env";

export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eEnv().databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
