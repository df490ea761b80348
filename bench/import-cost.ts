// `npm run bench -- import-cost [--rows 100000]`
// Where the time of an import goes: the same OMI2-style file imported by `boxed import`'s own
// path into copies of the schema with parts removed, next to a plain COPY into a bare table, and
// the time to build the samples.text trigram index in one go afterwards. It answers "what would
// it take to import at half the speed of COPY" with measurements instead of guesses:
//   full schema                       what users run
//   no trigram indexes                samples.text and problems.text GIN (pg_trgm) dropped
//   no trigram, no statistics triggers
//   bare                              every secondary index, foreign key and trigger of samples
//                                     removed, problems.text GIN dropped (only primary keys left)
//   trigram index built afterwards    CREATE INDEX on the loaded samples (maintenance_work_mem 512MB)
//   fastupdate off / big pending list the GIN's own insertion settings
// Every variant runs in a fresh database cloned from the migrated template, one after another on
// the same throwaway embedded PostgreSQL (durable settings, like a user's).
import { statSync } from "node:fs";
import { loadavg, } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { baselineImport, writeOmi2File } from "@/bench/io";
import { writeBenchmarkSection } from "@/bench/report";
import { createImportTask, runImportTask } from "@/lib/datasets/import/run-import-task";
import { startThrowawayCluster } from "@/bench/support/throwaway-cluster";
import { migrateDatabase } from "@/lib/db/migrate";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";

type Variant = { name: string; prepare: (c: pg.Client, database: string) => Promise<void> };

const dropTrigram = async (c: pg.Client) => {
  await c.query("DROP INDEX samples_text_trgm");
  await c.query("DROP INDEX problems_text_trgm");
};

const VARIANTS: Variant[] = [
  { name: "full schema (what users run)", prepare: async () => {} },
  { name: "trigram GIN with fastupdate off", prepare: async (c) => void (await c.query("ALTER INDEX samples_text_trgm SET (fastupdate = off)")) },
  {
    name: "trigram GIN with a 64 MB pending list, work_mem 256 MB",
    prepare: async (c, database) => {
      await c.query("ALTER INDEX samples_text_trgm SET (gin_pending_list_limit = 65536)");
      await c.query(`ALTER DATABASE ${database} SET work_mem = '256MB'`);
    },
  },
  { name: "no trigram indexes", prepare: dropTrigram },
  {
    name: "no trigram indexes, no statistics triggers",
    prepare: async (c) => {
      await dropTrigram(c);
      await c.query("ALTER TABLE samples DISABLE TRIGGER USER");
    },
  },
  {
    name: "bare: samples with only its primary key (no index, foreign key or trigger), no problems.text GIN",
    prepare: async (c) => {
      const { rows } = await c.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename = 'samples' AND indexname <> 'samples_pkey'");
      for (const r of rows) await c.query(`DROP INDEX ${r.indexname}`);
      await c.query("ALTER TABLE samples DISABLE TRIGGER ALL");
      await c.query("DROP INDEX problems_text_trgm");
    },
  },
];

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, (performance.now() - started) / 1000];
}

export async function main(args: string[]): Promise<void> {
  const rows = Number(arg(args, "rows") ?? 100_000);
  const loadAtStart = loadavg()[0] ?? 0;
  const log = (line: string) => console.log(`[import-cost] ${line}`);
  const throwaway = await startThrowawayCluster("import-cost");
  const { cluster, home } = throwaway;
  try {
    const admin = new pg.Client({ connectionString: cluster.url("postgres") });
    await admin.connect();
    await admin.query("CREATE DATABASE template_boxed");
    await migrateDatabase(cluster.url("template_boxed"));
    const file = join(home, "omi2.jsonl");
    await writeOmi2File(file, rows);
    log(`${rows.toLocaleString("en-US")} rows, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB`);

    await admin.query("CREATE DATABASE plain");
    const [, copySeconds] = await timed(() => baselineImport(file, cluster.url("plain")));
    log(`plain COPY into a bare table: ${copySeconds.toFixed(2)} s`);

    const lines: string[] = [];
    let gin = 0;
    for (const [i, variant] of VARIANTS.entries()) {
      const db = `variant_${i}`;
      await admin.query(`CREATE DATABASE ${db} TEMPLATE template_boxed`);
      const url = cluster.url(db);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await variant.prepare(client, db);
      process.env.DATABASE_URL = url;
      const [summary, seconds] = await timed(async () => {
        const taskId = await createImportTask({ paths: [file], setName: "bench", role: "synthetic", via: "cli" }, null, statSync(file).size, "running");
        return runImportTask(taskId, { queueGrading: false });
      });
      if (!summary.ok) throw new Error(`${variant.name}: ${summary.errors[0]?.message}`);
      log(`${variant.name}: ${seconds.toFixed(2)} s`);
      lines.push(`| ${variant.name} | ${seconds.toFixed(1)} | ${Math.round(rows / seconds).toLocaleString("en-US")} | ${(copySeconds / seconds).toFixed(2)} |`);
      if (variant.name.startsWith("no trigram indexes") && gin === 0) {
        await client.query("SET maintenance_work_mem = '512MB'");
        [, gin] = await timed(() => client.query("CREATE INDEX samples_text_trgm ON samples USING gin (text gin_trgm_ops)"));
        log(`trigram index built afterwards: ${gin.toFixed(2)} s`);
      }
      await client.end();
      await disconnectPrisma();
      await closePool();
    }
    await admin.end();

    const md = `
What an import's time is made of, ${rows.toLocaleString("en-US")} OMI2-style rows (the generator of \`bench/io.ts\`), \`boxed import\`'s own code
path against copies of the schema with parts removed, each in a fresh database on the same throwaway embedded PostgreSQL 18
(durable settings). 1-minute load average at the start: ${loadAtStart.toFixed(1)}.

| schema variant | seconds | rows/s | x plain COPY |
|---|---|---|---|
| plain COPY of the same rows into a bare 4-column table (baseline) | ${copySeconds.toFixed(1)} | ${Math.round(rows / copySeconds).toLocaleString("en-US")} | 1.00 |
${lines.join("\n")}

Building the samples.text trigram index in one go after the load (CREATE INDEX, maintenance_work_mem 512 MB) takes
${gin.toFixed(1)} s: ${(gin / copySeconds).toFixed(1)} x the whole plain COPY by itself. With every secondary index, key and trigger removed, the loader
itself (parse, normalise and hash problems, de-duplicate, insert problems, COPY samples) runs at the ratio in the "bare" row;
every index kept up inside the import's transaction comes out of that margin, and the trigram index that substring search
in the solutions browser needs costs more than the whole COPY, so the issue's 0.5 x COPY target cannot be met with it
maintained there. See docs/datasets.md ("Import speed") for the options.
`;
    console.log(md);
    writeBenchmarkSection("import-cost", md);
  } finally {
    await throwaway.stop();
  }
}
