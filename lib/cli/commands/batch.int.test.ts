// Protects the generation CLI: `endpoint add/list` (no key ever printed), `batch create` printing
// the id (and --dry-run creating nothing), `batch status` with counts and a bar, `batch list`,
// and the controls, against the real database; `batch export`/`import` round-trip a file.
import { PassThrough } from "node:stream";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "@/lib/cli/command";
import { main } from "@/lib/cli/main";
import { pool } from "@/lib/db/pool";
import { arithmeticProblems, createProblemSet } from "@/lib/generation/testing/batch-fixtures";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";

let stub: LlmStub;
const savedSecret = process.env.BOXED_SECRET_KEY;
beforeAll(async () => {
  process.env.BOXED_SECRET_KEY = "cli-test-secret";
  stub = await startLlmStub();
  await createProblemSet("cli-seed", "seed", arithmeticProblems(4));
});
afterAll(async () => {
  await stub.close();
  if (savedSecret === undefined) delete process.env.BOXED_SECRET_KEY;
  else process.env.BOXED_SECRET_KEY = savedSecret;
});

async function run(args: string[], input = "", env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const stdin = new PassThrough();
  stdin.end(input);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk) => {
    out += chunk;
  });
  stderr.on("data", (chunk) => {
    err += chunk;
  });
  const io: CliIo = { stdin, stdout, stderr, env: { ...process.env, ...env } };
  const code = await main(args, io);
  return { code, out, err };
}

describe("boxed endpoint and boxed batch", () => {
  it("adds and lists endpoints; a piped key is stored encrypted and never printed", async () => {
    expect(await run(["endpoint", "add", "--name", "cli-stub", "--base-url", stub.url, "--model", "boxed-stand-in", "--api", "completions", "--concurrency", "4"])).toMatchObject({ code: 0 });
    const keyed = await run(["endpoint", "add", "--name", "cli-keyed", "--base-url", stub.url, "--model", "m", "--api", "chat", "--api-key-stdin"], "sk-cli-secret-999\n");
    expect(keyed, keyed.err).toMatchObject({ code: 0 });
    const bad = await run(["endpoint", "add", "--name", "x", "--base-url", "not a url", "--model", "m", "--api", "chat"]);
    expect(bad).toMatchObject({ code: 1, err: expect.stringContaining("--base-url") });
    const list = await run(["endpoint", "list"]);
    expect(list.out).toContain("cli-stub");
    expect(list.out).toContain("key stored (encrypted)");
    const json = await run(["endpoint", "list", "--json"]);
    expect(json.out).not.toContain("sk-cli-secret-999");
    expect(JSON.stringify(await pool().query(`SELECT api_key_encrypted FROM model_endpoints WHERE name = 'cli-keyed'`).then((r) => r.rows))).not.toContain("sk-cli-secret-999");
    expect(await run(["endpoint", "test", "cli-stub"])).toMatchObject({ code: 0, out: expect.stringContaining("ok in") });
  });

  it("creates a batch (printing its id), shows status and list, pauses, exports and imports", async () => {
    const dry = await run(["batch", "create", "--kind", "solutions", "--set", "cli-seed", "--endpoint", "cli-stub", "--n", "2", "--dry-run"]);
    expect(dry).toMatchObject({ code: 0, out: expect.stringContaining("8 requests for 4 problems") });
    expect((await pool().query(`SELECT count(*)::int AS n FROM generation_batches`)).rows[0].n).toBe(0);

    const created = await run(["batch", "create", "--kind", "solutions", "--set", "cli-seed", "--endpoint", "cli-stub", "--n", "2", "--offline"]);
    expect(created.code).toBe(0);
    const id = Number(created.out.trim());
    expect(id).toBeGreaterThan(0);
    expect(created.err).toContain("8 requests");
    const status = await run(["batch", "status", String(id)]);
    expect(status.out).toMatch(/paused .*0\.0%/);
    expect(status.out).toContain("pending 8");
    expect((await run(["batch", "list"])).out).toContain(`${id}`);

    const dir = mkdtempSync(join(tmpdir(), "boxed-cli-batch-"));
    const requests = join(dir, "requests.jsonl");
    expect(await run(["batch", "export", String(id), "--out", requests])).toMatchObject({ code: 0, out: expect.stringContaining("wrote 8 requests") });
    const output: string[] = [];
    for (const line of readFileSync(requests, "utf8").trim().split("\n")) {
      const request = JSON.parse(line) as { custom_id: string; body: object };
      const reply = await fetch(`${stub.url}/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request.body) });
      output.push(JSON.stringify({ custom_id: request.custom_id, response: { status_code: 200, body: await reply.json() } }));
    }
    const results = join(dir, "output.jsonl");
    writeFileSync(results, `${output.join("\n")}\nnot json\n`);
    const refused = await run(["batch", "import", String(id), results]);
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining("line 9: not valid JSON") });
    writeFileSync(results, `${output.join("\n")}\n`);
    expect(await run(["batch", "import", String(id), results])).toMatchObject({ code: 0, out: expect.stringContaining("8 stored") });
    const json = JSON.parse((await run(["batch", "status", String(id), "--json"])).out) as { state: string; doneCount: number };
    expect(json).toMatchObject({ state: "completed", doneCount: 8 });
    expect(await run(["batch", "pause", String(id)])).toMatchObject({ code: 1, err: expect.stringContaining("completed") });
    const audit = await pool().query(`SELECT action FROM audit_log WHERE object_type = 'batch' AND object_id = $1 ORDER BY id`, [String(id)]);
    expect(audit.rows.map((r) => r.action)).toEqual(["batch.launch", "batch.export_requests", "batch.import_results"]);
  });
});
