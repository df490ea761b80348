// Protects: a worker (the real `boxed worker` process) whose database goes away says so in a
// readable line, a few times with growing gaps rather than once per queue per second, stays alive,
// and serves jobs again once the database is back. Uses its own embedded cluster, since the shared
// test cluster cannot be stopped under other files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, stopEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { pool } from "@/lib/db/pool";
import { spawnWorker, type SpawnedWorker } from "@/lib/generation/testing/spawn-worker";
import { waitFor } from "@/lib/generation/testing/wait-for";
import { enqueue } from "@/lib/jobs/enqueue";
import { ownDatabase, releaseDatabaseClients } from "@/tests/support/own-database";

const database = ownDatabase("boxed-outage-pg-");
const { home } = database;
let worker: SpawnedWorker | undefined;

beforeAll(async () => {
  await database.start();
}, 120_000);

afterAll(async () => {
  if (worker && worker.child.exitCode === null) {
    worker.child.kill("SIGKILL");
    await worker.exited;
  }
  await database.stop();
}, 120_000);

async function healthCheckDone(echo: string): Promise<void> {
  const id = await enqueue("health-check", { echo });
  await waitFor(
    `health-check job ${echo}`,
    () => pool().query<{ state: string }>(`SELECT state::text FROM pgboss.job WHERE id = $1`, [id]).then((r) => r.rows[0]?.state ?? "missing"),
    (state) => state === "completed",
    60_000,
    200,
  ).catch((error) => {
    throw new Error(`${error}\nworker output:\n${worker?.output()}`);
  });
}

describe("the database going away under a worker", () => {
  it("is logged readably with backoff, and the worker serves jobs again when it returns", { timeout: 180_000 }, async () => {
    worker = spawnWorker({ DATABASE_URL: process.env.DATABASE_URL as string });
    await waitFor("the worker to start", async () => worker?.output() ?? "", (out) => /serving \d+ queues/.test(out), 60_000, 100);
    await healthCheckDone("before");

    await releaseDatabaseClients();
    expect(await stopEmbeddedPostgres(home)).toBe(true);
    const outageStart = worker.output().length;
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    const duringOutage = worker.output().slice(outageStart);
    await startEmbeddedPostgres({ home, ephemeral: true });

    const lines = duringOutage.split("\n").filter((line) => line.trim());
    // Readable: says what is wrong, never a bare object.
    expect(duringOutage).not.toMatch(/\[object Object\]/);
    expect(duringOutage).toMatch(/database unavailable.*(ECONNREFUSED|connect|terminat)/i);
    // Backoff: a handful of lines in 12 s, where one per queue per second would be over a hundred.
    expect(lines.length, duringOutage).toBeLessThanOrEqual(8);

    await healthCheckDone("after");
    expect(worker.child.exitCode).toBeNull();
    await waitFor("the worker to notice the database is back", async () => worker?.output().slice(outageStart) ?? "", (out) => /database reachable again/.test(out), 30_000, 200);
  });
});
