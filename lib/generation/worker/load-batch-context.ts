// Everything a runner needs about its batch, read once when it starts: the batch settings, the
// exact template version it was launched with, the endpoint's client and the sets it writes to.
import { pool } from "@/lib/db/pool";
import { UserFacingError } from "@/lib/errors";
import type { BatchKindName, BatchSampling } from "@/lib/generation/batches/batch-launch-input";
import { BATCH_SAMPLING_COLUMNS, type BatchSamplingRow, samplingFromRow } from "@/lib/generation/batches/batch-sampling-row";
import { loadEndpointConfig, type EndpointLimits } from "@/lib/generation/endpoints/endpoint-client-config";
import { createHttpLlmClient } from "@/lib/generation/llm-client/create-http-llm-client";
import type { LlmClient } from "@/lib/generation/llm-client/create-llm-client";
import type { PromptTemplate } from "@/lib/generation/prompts/prompt-template";
import { templateFromRow } from "@/lib/generation/templates/template-record";

/** What a batch's results are written with (no endpoint connection needed). */
export interface BatchSettings extends BatchSampling {
  id: number;
  kind: BatchKindName;
  state: string;
  setId: number;
  model: string;
  requestCount: number;
  targetSetId: number | null;
  endpointId: number | null;
  template: PromptTemplate;
}

export interface BatchContext extends BatchSettings {
  client: LlmClient;
  endpoint: EndpointLimits;
}

// A user-facing error: the batch page's upload, `batch import` and `batch export` show it as it is.
export class BatchNotRunnableError extends UserFacingError {}

interface SettingsRow extends BatchSamplingRow {
  id: number;
  kind: BatchKindName;
  state: string;
  set_id: number;
  model: string;
  request_count: number;
  endpoint_id: number | null;
  selection: { targetSetId?: number };
  t_id: number | null;
  t_name: string;
  t_version: number;
  t_kind: string;
  t_body: unknown;
}

export async function loadBatchSettings(batchId: number): Promise<BatchSettings> {
  const { rows } = await pool().query<SettingsRow>(
    `SELECT b.id, b.kind::text, b.state::text, b.set_id, b.model, ${BATCH_SAMPLING_COLUMNS},
            b.request_count, b.endpoint_id, b.selection, t.id AS t_id, t.name AS t_name, t.version AS t_version, t.kind::text AS t_kind, t.body AS t_body
     FROM generation_batches b LEFT JOIN prompt_templates t ON t.id = b.template_id WHERE b.id = $1`,
    [batchId],
  );
  const row = rows[0];
  if (!row) throw new BatchNotRunnableError(`batch ${batchId} does not exist`);
  if (row.t_id === null) throw new BatchNotRunnableError(`batch ${batchId} has no template (it was deleted)`);
  const template = templateFromRow({ id: row.t_id, name: row.t_name, version: row.t_version, kind: row.t_kind, body: row.t_body });
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    setId: row.set_id,
    model: row.model,
    ...samplingFromRow(row),
    requestCount: row.request_count,
    targetSetId: row.selection?.targetSetId ?? null,
    endpointId: row.endpoint_id,
    template,
  };
}

export async function loadBatchContext(batchId: number, env: NodeJS.ProcessEnv = process.env): Promise<BatchContext> {
  const settings = await loadBatchSettings(batchId);
  if (settings.endpointId === null) throw new BatchNotRunnableError(`batch ${batchId} has no endpoint (it was deleted)`);
  const { config, limits } = await loadEndpointConfig(settings.endpointId, env);
  return { ...settings, client: createHttpLlmClient(config), endpoint: limits };
}
