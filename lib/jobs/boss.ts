// pg-boss in the same PostgreSQL (schema "pgboss"): workers on any machine pointed at the same
// database share the queues. Producers (web server, CLI) use a light instance that only sends.
import { PgBoss } from "pg-boss";
import { JobsErrorLog } from "@/lib/jobs/jobs-error-log";
import { jobSuperviseSeconds } from "@/lib/jobs/job-timing";
import { readSetting } from "@/lib/settings/read-settings";

export const BOSS_SCHEMA = "pgboss";

const holder = globalThis as unknown as { boxedProducer?: Promise<PgBoss>; boxedProducerUrl?: string };

export function createBoss(databaseUrl: string, role: "worker" | "producer", errors: JobsErrorLog = new JobsErrorLog({ log: (line) => console.error(line) })): PgBoss {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: BOSS_SCHEMA,
    application_name: `boxed-${role}`,
    max: role === "worker" ? 6 : 2,
    // Only workers run maintenance and the scheduler; many web processes need not.
    supervise: role === "worker",
    schedule: role === "worker",
    // How soon a job whose worker died is failed or retried (job-timing.ts).
    ...(role === "worker" ? { superviseIntervalSeconds: jobSuperviseSeconds(), monitorIntervalSeconds: jobSuperviseSeconds() } : {}),
  });
  // pg-boss reports transient connection errors as events; an unhandled 'error' event would
  // crash the process, and a database restart must not. JobsErrorLog keeps an outage readable.
  boss.on("error", (error) => errors.report(error));
  return boss;
}

/** A started sending-only instance, shared by the process. */
export function producer(): Promise<PgBoss> {
  const url = readSetting("DATABASE_URL");
  if (!url) throw new Error("DATABASE_URL is not set");
  if (!holder.boxedProducer || holder.boxedProducerUrl !== url) {
    const boss = createBoss(url, "producer");
    holder.boxedProducer = boss.start();
    holder.boxedProducerUrl = url;
  }
  return holder.boxedProducer;
}

export async function stopProducer(): Promise<void> {
  const pending = holder.boxedProducer;
  holder.boxedProducer = undefined;
  holder.boxedProducerUrl = undefined;
  if (pending) await (await pending).stop({ graceful: false, close: true });
}
