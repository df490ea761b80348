// The launch form's review step sends the endpoint one tiny request (the settings page's "Test")
// so a wrong URL, key or model name is seen before thousands of requests fail. Bounded to a few
// seconds whatever the endpoint's own timeout; a failure is a warning the user can launch past
// (the server may be starting up), never a refusal.
import { loadEndpointConfig } from "@/lib/generation/endpoints/endpoint-client-config";
import { testEndpoint } from "@/lib/generation/llm-client/test-endpoint";

export const LAUNCH_CHECK_TIMEOUT_MS = 15_000;

export type LaunchEndpointCheck = { ok: true; latencyMs: number } | { ok: false; message: string };

export async function checkEndpointBeforeLaunch(endpointId: number): Promise<LaunchEndpointCheck> {
  try {
    const { config } = await loadEndpointConfig(endpointId);
    const result = await testEndpoint({ ...config, timeoutMs: Math.min(config.timeoutMs, LAUNCH_CHECK_TIMEOUT_MS) });
    if (result.ok) return { ok: true, latencyMs: Math.round(result.latencyMs) };
    const status = result.error.status ? ` (HTTP ${result.error.status})` : "";
    return { ok: false, message: `${result.error.kind}${status}: ${result.error.message}` };
  } catch (error) {
    // A missing key variable and the like: the same words the worker would pause the batch with.
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
