// The endpoint rows pages, the CLI and batch forms may see. The encrypted key column is never
// selected here: only whether a key is stored, and the name of the env var when one is used.
import { prisma } from "@/lib/db/prisma";

export interface EndpointView {
  id: number;
  name: string;
  baseUrl: string;
  model: string;
  apiStyle: "completions" | "chat";
  hasStoredKey: boolean;
  apiKeyEnv: string | null;
  maxConcurrency: number;
  requestsPerMinute: number | null;
  timeoutMs: number;
  /** Not offered for new batches (running ones finish). */
  disabled: boolean;
  /** Batches that name this endpoint: while any does, it can be disabled but not deleted. */
  batchCount: number;
}

interface Row {
  id: number;
  name: string;
  base_url: string;
  model: string;
  api_style: "completions" | "chat";
  has_stored_key: boolean;
  api_key_env: string | null;
  max_concurrency: number;
  requests_per_minute: number | null;
  timeout_ms: number;
  disabled: boolean;
  batch_count: number;
}

const toView = (r: Row): EndpointView => ({
  id: r.id,
  name: r.name,
  baseUrl: r.base_url,
  model: r.model,
  apiStyle: r.api_style,
  hasStoredKey: r.has_stored_key,
  apiKeyEnv: r.api_key_env,
  maxConcurrency: r.max_concurrency,
  requestsPerMinute: r.requests_per_minute,
  timeoutMs: r.timeout_ms,
  disabled: r.disabled,
  batchCount: r.batch_count,
});

// The endpoints table holds tens of rows and generation_batches is indexed by endpoint_id.
const COLUMNS = `id, name, base_url, model, api_style::text AS api_style, api_key_encrypted IS NOT NULL AS has_stored_key,
  api_key_env, max_concurrency, requests_per_minute, timeout_ms, disabled_at IS NOT NULL AS disabled,
  (SELECT count(*)::int FROM generation_batches b WHERE b.endpoint_id = model_endpoints.id) AS batch_count`;

export async function listEndpoints(): Promise<EndpointView[]> {
  const rows = await prisma().$queryRawUnsafe<Row[]>(`SELECT ${COLUMNS} FROM model_endpoints WHERE purpose = 'generation' ORDER BY name`);
  return rows.map(toView);
}

export async function findEndpointView(nameOrId: string | number): Promise<EndpointView | null> {
  const rows =
    typeof nameOrId === "number"
      ? await prisma().$queryRawUnsafe<Row[]>(`SELECT ${COLUMNS} FROM model_endpoints WHERE id = $1`, nameOrId)
      : await prisma().$queryRawUnsafe<Row[]>(`SELECT ${COLUMNS} FROM model_endpoints WHERE name = $1`, nameOrId);
  return rows[0] ? toView(rows[0]) : null;
}
