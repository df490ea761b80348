// "Test connection" in the endpoint settings: one tiny request with the real configuration, and
// either the reply or the exact, classified error, so a user can fix a URL, key or model name
// before starting a batch of thousands of requests.
import { type ClassifiedLlmError, classifyLlmError } from "@/lib/generation/llm-client/classify-llm-error";
import { createLlmClient, type GenerateRequest } from "@/lib/generation/llm-client/create-llm-client";
import type { LlmClientConfig } from "@/lib/generation/llm-client/llm-client-config";

export type EndpointTestResult =
  | { ok: true; text: string; finishReason: string; model: string; latencyMs: number; promptTokens: number | null; completionTokens: number | null }
  | { ok: false; error: ClassifiedLlmError; latencyMs: number };

const PROBE_PROBLEM = "What is 2 + 3?";

export async function testEndpoint(config: LlmClientConfig): Promise<EndpointTestResult> {
  const request: GenerateRequest =
    config.api === "completions"
      ? { prompt: `Problem:\n${PROBE_PROBLEM}\n\nSolution:\n`, stop: ["\n\n\n"] }
      : { messages: [{ role: "user", content: `${PROBE_PROBLEM} Put the answer inside \\boxed{}.` }] };
  const started = performance.now();
  try {
    const reply = await createLlmClient(config).generate({ ...request, maxTokens: 128, temperature: 0, seed: 0 });
    return {
      ok: true,
      text: reply.text,
      finishReason: reply.finishReason,
      model: reply.model,
      latencyMs: reply.latencyMs,
      promptTokens: reply.promptTokens,
      completionTokens: reply.completionTokens,
    };
  } catch (error) {
    return { ok: false, error: classifyLlmError(error), latencyMs: performance.now() - started };
  }
}
