// Offline cluster runs through the OpenAI Batch API file format. Export writes the batch's pending
// requests (keyset over ids, constant memory); import reads the results back into the same
// batch. Import checks the whole file first (JSON, custom_id of this batch, no repeats, the reply
// shape) and applies nothing when any line is bad, naming the lines; then it applies every line
// in ONE transaction through the same writer as the workers (grading, labels, counters).
// Both audit themselves for the studio's routes and `boxed batch export|import` alike: the import
// (`batch.import_results`, the file's name and the report) in its transaction, the export
// (`batch.export_requests`, the count) once every line is written, since it changes nothing.
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { createInterface } from "node:readline";
import { pool } from "@/lib/db/pool";
import { UserFacingError } from "@/lib/errors";
import { finalStateSql } from "@/lib/generation/batches/final-state";
import { backoffDelay } from "@/lib/generation/llm-client/backoff-delay";
import { BatchApiLineError, type BatchApiResult, batchApiInputLine, parseBatchApiOutputLine } from "@/lib/generation/batches/batch-api-lines";
import { batchKind } from "@/lib/generation/batch-kinds/registry";
import { inTransaction } from "@/lib/db/in-transaction";
import { createRequestBuilder } from "@/lib/generation/worker/build-request";
import { type ClaimedRequestRow, toClaimedRequest } from "@/lib/generation/worker/claim-requests";
import { gradeSolution } from "@/lib/generation/worker/grade-solution";
import { loadBatchSettings } from "@/lib/generation/worker/load-batch-context";
import type { ResultItem } from "@/lib/generation/worker/result-item";
import { storeBatchStats } from "@/lib/generation/worker/store-batch-stats";
import { writeResults } from "@/lib/generation/worker/write-results";

const PAGE = 1000;

const REQUEST_SELECT = `SELECT r.id, r.problem_id, r.sample_index, r.attempts, r.candidate_id, p.text, p.gold_answer, p.source, b.text AS other_text
  FROM batch_requests r JOIN problems p ON p.id = r.problem_id
  LEFT JOIN contamination_candidates cc ON cc.id = r.candidate_id LEFT JOIN problems b ON b.id = cc.benchmark_problem_id`;

async function apiStyleOf(batchId: number): Promise<"completions" | "chat"> {
  const settings = await loadBatchSettings(batchId);
  return settings.template.kind === "solution-completion" ? "completions" : "chat";
}

/** Streams the pending requests of a paused batch as Batch API input lines; returns the count. */
export async function exportBatchRequests(batchId: number, write: (text: string) => Promise<void> | void, actor: Actor): Promise<number> {
  const settings = await loadBatchSettings(batchId);
  if (settings.state !== "paused") {
    throw new UserFacingError(`Batch ${batchId} is ${settings.state}; export the requests of a paused batch, so workers do not send them too.`, `run \`npx boxed batch pause ${batchId}\` first`);
  }
  const build = createRequestBuilder(settings);
  let after = 0;
  let count = 0;
  for (;;) {
    const { rows } = await pool().query<ClaimedRequestRow>(`${REQUEST_SELECT} WHERE r.batch_id = $1 AND r.state = 'pending' AND r.id > $2 ORDER BY r.id LIMIT ${PAGE}`, [batchId, after]);
    if (rows.length === 0) {
      await recordAudit({ userId: actor.userId, action: "batch.export_requests", objectType: "batch", objectId: batchId, details: { requests: count, via: actor.via } });
      return count;
    }
    await write(`${rows.map((r) => batchApiInputLine(r.id, settings.model, build(toClaimedRequest(r)))).join("\n")}\n`);
    count += rows.length;
    after = rows[rows.length - 1]?.id as number;
  }
}

export interface ImportReport {
  lines: number;
  stored: number;
  failed: number;
  retryLater: number;
  /** Lines whose request was no longer pending (already stored by a worker or an earlier import). */
  skipped: number;
}

async function* outputLines(path: string): AsyncGenerator<{ number: number; text: string }> {
  const reader = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  for await (const text of reader) {
    number++;
    if (text.trim() !== "") yield { number, text };
  }
}

async function checkFile(batchId: number, path: string, api: "completions" | "chat"): Promise<number> {
  const problems: string[] = [];
  let badLines = 0;
  const seen = new Map<number, number>();
  let pendingIds: { id: number; line: number }[] = [];
  let lines = 0;
  const checkIds = async () => {
    if (!pendingIds.length) return;
    const { rows } = await pool().query<{ id: number }>(`SELECT id FROM batch_requests WHERE batch_id = $1 AND id = ANY($2::int[])`, [batchId, pendingIds.map((p) => p.id)]);
    const known = new Set(rows.map((r) => r.id));
    for (const { id, line } of pendingIds) {
      if (!known.has(id)) {
        badLines++;
        if (problems.length < 20) problems.push(`line ${line}: custom_id "${id}" is not a request of batch ${batchId}`);
      }
    }
    pendingIds = [];
  };
  for await (const { number, text } of outputLines(path)) {
    lines++;
    try {
      const result = parseBatchApiOutputLine(text, api);
      const earlier = seen.get(result.requestId);
      if (earlier !== undefined) throw new BatchApiLineError(`custom_id "${result.requestId}" already appeared on line ${earlier}`);
      seen.set(result.requestId, number);
      pendingIds.push({ id: result.requestId, line: number });
      if (pendingIds.length >= 5000) await checkIds();
    } catch (error) {
      if (!(error instanceof BatchApiLineError)) throw error;
      badLines++;
      if (problems.length < 20) problems.push(`line ${number}: ${error.message}`);
    }
  }
  await checkIds();
  if (badLines > 0) {
    throw new UserFacingError(
      `${path}: ${badLines} bad line${badLines === 1 ? "" : "s"}; nothing was imported.\n${problems.join("\n")}${badLines > problems.length ? `\n… and ${badLines - problems.length} more` : ""}`,
      "fix or remove those lines and import the file again",
    );
  }
  if (lines === 0) throw new UserFacingError(`${path} holds no result lines; nothing was imported.`);
  return lines;
}

/** `fileName`: the file as the user knows it (an upload is stored under another name); default the path's base name. */
export async function importBatchResults(batchId: number, path: string, actor: Actor, fileName = basename(path)): Promise<ImportReport> {
  const settings = await loadBatchSettings(batchId);
  if (settings.state === "cancelled") throw new UserFacingError(`Batch ${batchId} is cancelled; results cannot be imported into it.`);
  const { grading } = batchKind(settings.kind);
  const api = await apiStyleOf(batchId);
  const lines = await checkFile(batchId, path, api);
  const report: ImportReport = { lines, stored: 0, failed: 0, retryLater: 0, skipped: 0 };
  return inTransaction(async (client) => {
    let chunk: BatchApiResult[] = [];
    const apply = async () => {
      if (!chunk.length) return;
      // Only requests still pending take a result: the in_flight step is what writeResults gates on.
      const { rows } = await client.query<ClaimedRequestRow>(
        `WITH taken AS (UPDATE batch_requests SET state = 'in_flight', attempts = attempts + 1, updated_at = now()
           WHERE batch_id = $1 AND id = ANY($2::int[]) AND state = 'pending' RETURNING id)
         ${REQUEST_SELECT} WHERE r.id IN (SELECT id FROM taken)`,
        [batchId, chunk.map((c) => c.requestId)],
      );
      const byId = new Map(rows.map((r) => [r.id, toClaimedRequest(r)]));
      report.skipped += chunk.length - rows.length;
      const items: ResultItem[] = [];
      for (const result of chunk) {
        const request = byId.get(result.requestId);
        if (!request) continue;
        if (result.ok) {
          const grade = grading ? gradeSolution(result.text, grading === "gold" ? request.goldAnswer : null, result.finishReason) : undefined;
          items.push({ type: "success", request, text: result.text, finishReason: result.finishReason, promptTokens: result.promptTokens, completionTokens: result.completionTokens, latencyMs: 0, ...(grade ? { grade } : {}) });
        } else {
          items.push({ type: "failure", request, error: result.error, final: !result.error.retryable, retryInMs: result.error.retryable ? backoffDelay(0) : 0, at: new Date().toISOString() });
        }
      }
      const outcome = await writeResults(settings, items, client);
      await storeBatchStats(batchId, outcome.stats, client);
      report.stored += outcome.landed;
      report.failed += outcome.failed;
      report.retryLater += outcome.retried;
      chunk = [];
    };
    for await (const { text } of outputLines(path)) {
      chunk.push(parseBatchApiOutputLine(text, api));
      if (chunk.length >= 500) await apply();
    }
    await apply();
    // An offline batch is paused: settle it when the import answered everything.
    await client.query(
      `UPDATE generation_batches SET state = ${finalStateSql("done_count", "failed_count")}, finished_at = now()
       WHERE id = $1 AND state IN ('queued', 'running', 'paused') AND NOT EXISTS (SELECT 1 FROM batch_requests WHERE batch_id = $1 AND state IN ('pending', 'in_flight'))`,
      [batchId],
    );
    await recordAudit({ userId: actor.userId, action: "batch.import_results", objectType: "batch", objectId: batchId, details: { file: fileName, ...report, via: actor.via } }, client);
    return report;
  });
}
