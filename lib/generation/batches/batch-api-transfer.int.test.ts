// Protects: the offline round trip. A batch's pending requests export as OpenAI Batch API input
// lines (custom_id = request id, url, body with the recipe's sampling and the request's seed);
// the output file imports back into the same batch, graded like worker results; a file with a
// bad line applies nothing and names the line; importing the same file twice stores nothing twice.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/audit/actor";
import { pool } from "@/lib/db/pool";
import { exportBatchRequests, importBatchResults } from "@/lib/generation/batches/batch-api-transfer";
import { launchBatch } from "@/lib/generation/batches/launch-batch";
import { arithmeticProblems, batchRow, createProblemSet, createStubEndpoint, requestStates, sampleCountsByProblem } from "@/lib/generation/testing/batch-fixtures";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";

let stub: LlmStub;
const dir = mkdtempSync(join(tmpdir(), "boxed-batch-api-"));
beforeAll(async () => {
  stub = await startLlmStub();
  await createProblemSet("offline-seed", "seed", arithmeticProblems(6));
  await createStubEndpoint("stub-offline", stub.url, { apiStyle: "completions" });
});
afterAll(() => stub.close());

describe("OpenAI Batch API round trip", () => {
  it("exports pending requests and imports the results, all or nothing", async () => {
    const batch = await launchBatch({ kind: "solutions", set: "offline-seed", endpoint: "stub-offline", samplesPerProblem: 3, seedBase: 7 }, CLI_ACTOR, { offline: true });
    expect((await batchRow(batch.id)).state).toBe("paused");
    let text = "";
    const count = await exportBatchRequests(
      batch.id,
      (chunk) => {
        text += chunk;
      },
      CLI_ACTOR,
    );
    expect(count).toBe(18);
    const lines = text.trim().split("\n").map((l) => JSON.parse(l) as { custom_id: string; method: string; url: string; body: Record<string, unknown> });
    const ids = await pool().query<{ id: number; sample_index: number }>(`SELECT id, sample_index FROM batch_requests WHERE batch_id = $1 ORDER BY id`, [batch.id]);
    expect(lines.map((l) => l.custom_id)).toEqual(ids.rows.map((r) => String(r.id)));
    for (const [i, line] of lines.entries()) {
      expect(line).toMatchObject({ method: "POST", url: "/v1/completions", body: { model: "boxed-stand-in", temperature: 1, top_p: 0.95, max_tokens: 2048, seed: 7 + (ids.rows[i]?.sample_index ?? -1) } });
      expect(line.body.stop).toEqual(["\n\n\n\n\n\n"]);
      expect(String(line.body.prompt)).toContain("Problem:\nWhat is");
    }

    // "Run" the file elsewhere: here, the stand-in; one request fails with a 500.
    const output: string[] = [];
    for (const [i, line] of lines.entries()) {
      if (i === 4) {
        output.push(JSON.stringify({ id: `r${i}`, custom_id: line.custom_id, response: { status_code: 500, body: { error: { message: "overloaded" } } }, error: null }));
        continue;
      }
      const reply = await fetch(`${stub.url}/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(line.body) });
      output.push(JSON.stringify({ id: `r${i}`, custom_id: line.custom_id, response: { status_code: reply.status, body: await reply.json() }, error: null }));
    }
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, [...output.slice(0, 3), "{not json", ...output.slice(3), JSON.stringify({ custom_id: "999999", response: { status_code: 200, body: { choices: [{ text: "x" }] } } }), output[0]].join("\n"));
    await expect(importBatchResults(batch.id, bad, CLI_ACTOR)).rejects.toThrow(/line 4: not valid JSON[\s\S]*line 21: custom_id "\d+" already appeared on line 1[\s\S]*line 20: custom_id "999999" is not a request of batch/);
    expect(await requestStates(batch.id)).toEqual({ pending: 18 });
    expect((await batchRow(batch.id)).done_count).toBe(0);

    const good = join(dir, "good.jsonl");
    writeFileSync(good, `${output.join("\n")}\n`);
    expect(await importBatchResults(batch.id, good, CLI_ACTOR)).toEqual({ lines: 18, stored: 17, failed: 0, retryLater: 1, skipped: 0 });
    const after = await batchRow(batch.id);
    expect(after).toMatchObject({ done_count: 17, failed_count: 0, state: "paused" });
    const counts = await sampleCountsByProblem(batch.id);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(17);
    const graded = await pool().query(`SELECT count(*)::int AS n FROM samples WHERE batch_id = $1 AND verdict <> 'ungraded' AND seed = 7 + sample_index`, [batch.id]);
    expect(graded.rows[0].n).toBe(17);
    // Stored lines are skipped; the 500 (its request pending again) is recorded as another failed attempt.
    expect(await importBatchResults(batch.id, good, CLI_ACTOR)).toEqual({ lines: 18, stored: 0, failed: 0, retryLater: 1, skipped: 17 });

    // The failed one is pending again; a second round finishes the batch.
    let rest = "";
    expect(
      await exportBatchRequests(
        batch.id,
        (chunk) => {
          rest += chunk;
        },
        CLI_ACTOR,
      ),
    ).toBe(1);
    const last = JSON.parse(rest.trim()) as { custom_id: string; body: object };
    const reply = await fetch(`${stub.url}/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(last.body) });
    const final = join(dir, "final.jsonl");
    writeFileSync(final, JSON.stringify({ custom_id: last.custom_id, response: { status_code: 200, body: await reply.json() } }));
    expect(await importBatchResults(batch.id, final, CLI_ACTOR)).toMatchObject({ stored: 1 });
    expect(await batchRow(batch.id)).toMatchObject({ done_count: 18, state: "completed" });
    expect([...(await sampleCountsByProblem(batch.id)).values()]).toEqual(Array(6).fill(3));
    expect(readFileSync(good, "utf8").length).toBeGreaterThan(0);
  });
});
