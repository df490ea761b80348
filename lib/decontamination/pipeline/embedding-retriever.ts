// The optional second retriever: an OpenAI-compatible /v1/embeddings endpoint (a ModelEndpoint
// with purpose "embeddings", configured like the generation endpoints). The benchmark problems
// are embedded once per run and kept as one normalised matrix; each chunk of synthesized problems
// is embedded as it streams past. Transient failures (429, 5xx, timeouts) are retried with the
// generation client's backoff; anything else stops the run with the endpoint's message.
import { pool } from "@/lib/db/pool";
import { buildEmbeddingMatrix, type EmbeddingMatrix } from "@/lib/decontamination/embedding-top-k";
import { UserFacingError } from "@/lib/errors";
import { loadEndpointConfig } from "@/lib/generation/endpoints/endpoint-client-config";
import { backoffDelay } from "@/lib/generation/llm-client/backoff-delay";
import { classifyLlmError } from "@/lib/generation/llm-client/classify-llm-error";
import { createLlmClient, type LlmClient } from "@/lib/generation/llm-client/create-llm-client";

const EMBED_BATCH = 64;
const MAX_ATTEMPTS = 6;

export interface EmbeddingRetriever {
  endpointName: string;
  matrix: EmbeddingMatrix;
  embed(texts: string[]): Promise<number[][]>;
}

export async function findEmbeddingEndpoint(ref: string | number): Promise<{ id: number; name: string }> {
  const { rows } = await pool().query<{ id: number; name: string; purpose: string }>(
    `SELECT id, name, purpose::text FROM model_endpoints WHERE ${typeof ref === "number" ? "id" : "name"} = $1`,
    [ref],
  );
  const row = rows[0];
  if (!row) throw new UserFacingError(`Embeddings endpoint "${ref}" was not found.`, "add one in Settings → Endpoints with purpose \"embeddings\"");
  if (row.purpose !== "embeddings") {
    throw new UserFacingError(`Endpoint "${row.name}" is a ${row.purpose} endpoint, not an embeddings endpoint.`, "name an endpoint whose purpose is \"embeddings\"");
  }
  return { id: row.id, name: row.name };
}

async function embedWithRetry(client: LlmClient, texts: string[], endpointName: string): Promise<number[][]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.embed(texts);
    } catch (error) {
      const classified = classifyLlmError(error);
      if (!classified.retryable || attempt + 1 >= MAX_ATTEMPTS) {
        throw new UserFacingError(`Embeddings endpoint "${endpointName}" failed: ${classified.kind}: ${classified.message}`, "check the endpoint in Settings → Endpoints, then run retrieval again");
      }
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, { retryAfterMs: classified.retryAfterMs })));
    }
  }
}

export async function createEmbeddingRetriever(endpointId: number, benchmarkTexts: string[], env: NodeJS.ProcessEnv = process.env): Promise<EmbeddingRetriever> {
  const { config, limits } = await loadEndpointConfig(endpointId, env);
  const client = createLlmClient(config);
  const embed = async (texts: string[]) => {
    const out: number[][] = [];
    for (let start = 0; start < texts.length; start += EMBED_BATCH) out.push(...(await embedWithRetry(client, texts.slice(start, start + EMBED_BATCH), limits.name)));
    return out;
  };
  return { endpointName: limits.name, matrix: buildEmbeddingMatrix(await embed(benchmarkTexts)), embed };
}
