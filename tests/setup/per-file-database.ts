// Gives each integration test file its own database, cloned from the migrated template, and
// points DATABASE_URL (and so Prisma, the pool and pg-boss) at it.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { disconnectPrisma } from "@/lib/db/prisma";
import { closePool } from "@/lib/db/pool";
import { stopProducer } from "@/lib/jobs/boss";

const adminUrl = inject("pgAdminUrl");
const template = inject("pgTemplate");
const name = `t_${randomBytes(6).toString("hex")}`;

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  // Cloning needs the template to have no other connection; files start in parallel, so retry.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
      break;
    } catch (error) {
      if (attempt > 50 || !String(error).includes("being accessed by other users")) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
});

afterAll(async () => {
  await stopProducer().catch(() => {});
  await disconnectPrisma();
  await closePool();
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});
