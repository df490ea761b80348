// Turns a stored endpoint into the LLM client's configuration, on the server or in a worker only:
// this is the one place a stored key is decrypted or an env var holding a key is read.
import { pool } from "@/lib/db/pool";
import { UserFacingError } from "@/lib/errors";
import { decryptApiKey } from "@/lib/generation/endpoints/endpoint-secrets";
import type { LlmClientConfig } from "@/lib/generation/llm-client/llm-client-config";

export interface EndpointLimits {
  id: number;
  name: string;
  maxConcurrency: number;
  requestsPerMinute: number | null;
}

export async function loadEndpointConfig(id: number, env: NodeJS.ProcessEnv = process.env): Promise<{ config: LlmClientConfig; limits: EndpointLimits }> {
  // Raw pg, not Prisma: workers run this, and keep to the one pool they manage.
  const { rows } = await pool().query<{
    id: number;
    name: string;
    baseUrl: string;
    model: string;
    apiStyle: "completions" | "chat";
    apiKeyEncrypted: string | null;
    apiKeyEnv: string | null;
    maxConcurrency: number;
    requestsPerMinute: number | null;
    timeoutMs: number;
  }>(
    `SELECT id, name, base_url AS "baseUrl", model, api_style::text AS "apiStyle", api_key_encrypted AS "apiKeyEncrypted", api_key_env AS "apiKeyEnv",
            max_concurrency AS "maxConcurrency", requests_per_minute AS "requestsPerMinute", timeout_ms AS "timeoutMs"
     FROM model_endpoints WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw new UserFacingError(`Endpoint ${id} no longer exists.`, "choose another endpoint for the batch");
  let apiKey: string | undefined;
  if (row.apiKeyEncrypted) apiKey = decryptApiKey(row.apiKeyEncrypted);
  else if (row.apiKeyEnv) {
    apiKey = env[row.apiKeyEnv];
    if (!apiKey) {
      throw new UserFacingError(
        `Endpoint "${row.name}" reads its API key from $${row.apiKeyEnv}, which is not set in this process.`,
        `export ${row.apiKeyEnv} where the web server and the workers run, or store the key in Settings → Endpoints`,
      );
    }
  }
  return {
    config: { baseUrl: row.baseUrl, model: row.model, api: row.apiStyle, timeoutMs: row.timeoutMs, ...(apiKey ? { apiKey } : {}) },
    limits: { id: row.id, name: row.name, maxConcurrency: row.maxConcurrency, requestsPerMinute: row.requestsPerMinute },
  };
}
