// "Test" on the endpoints page and `boxed endpoint test NAME`: one tiny request to a stored
// endpoint, audited the same way from both (the outcome and latency, never the key or the reply).
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { loadEndpointConfig } from "@/lib/generation/endpoints/endpoint-client-config";
import { type EndpointTestResult, testEndpoint } from "@/lib/generation/llm-client/test-endpoint";

export async function testSavedEndpoint(id: number, by: Actor, env: NodeJS.ProcessEnv = process.env): Promise<EndpointTestResult> {
  const { config } = await loadEndpointConfig(id, env);
  const result = await testEndpoint(config);
  await recordAudit({ userId: by.userId, action: "endpoint.test", objectType: "endpoint", objectId: id, details: { ok: result.ok, latencyMs: Math.round(result.latencyMs), via: by.via } });
  return result;
}
