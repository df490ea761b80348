// The OpenAI Batch API file formats (pure). Input: one request per line,
//   {"custom_id": "<batch_requests.id>", "method": "POST", "url": "/v1/completions" | "/v1/chat/completions", "body": {...}}
// Output: one result per line, {"custom_id", "response": {"status_code", "body"}, "error"}.
// Output lines are read strictly; anything unexpected is an error naming the line and field.
import type { ClassifiedLlmError } from "@/lib/generation/llm-client/classify-llm-error";
import type { GenerateRequest } from "@/lib/generation/llm-client/create-llm-client";

export function batchApiInputLine(requestId: number, model: string, request: GenerateRequest): string {
  const body: Record<string, unknown> = { model };
  if (request.prompt !== undefined) body.prompt = request.prompt;
  else body.messages = request.messages;
  if (request.stop?.length) body.stop = request.stop;
  if (request.seed !== undefined) body.seed = request.seed;
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.topP !== undefined) body.top_p = request.topP;
  if (request.maxTokens !== undefined) body.max_tokens = request.maxTokens;
  const url = request.prompt !== undefined ? "/v1/completions" : "/v1/chat/completions";
  return JSON.stringify({ custom_id: String(requestId), method: "POST", url, body });
}

export type BatchApiResult =
  | { requestId: number; ok: true; text: string; finishReason: string; promptTokens: number | null; completionTokens: number | null }
  | { requestId: number; ok: false; error: ClassifiedLlmError };

export class BatchApiLineError extends Error {}

function statusError(status: number, message: string): ClassifiedLlmError {
  if (status === 429) return { kind: "rate-limit", retryable: true, status, message };
  if (status === 401 || status === 403) return { kind: "auth", retryable: false, status, message };
  if (status === 408) return { kind: "timeout", retryable: true, status, message };
  if (status >= 500 || status === 409) return { kind: "server", retryable: true, status, message };
  return { kind: "bad-request", retryable: false, status, message };
}

export function parseBatchApiOutputLine(text: string, api: "completions" | "chat"): BatchApiResult {
  let line: unknown;
  try {
    line = JSON.parse(text);
  } catch (error) {
    throw new BatchApiLineError(`not valid JSON (${(error as Error).message})`);
  }
  if (typeof line !== "object" || line === null || Array.isArray(line)) throw new BatchApiLineError("expected a JSON object");
  const record = line as { custom_id?: unknown; response?: unknown; error?: unknown };
  if (typeof record.custom_id !== "string" || !/^\d{1,10}$/.test(record.custom_id)) {
    throw new BatchApiLineError(`custom_id must be the request id Boxed exported (digits), got ${JSON.stringify(record.custom_id)}`);
  }
  const requestId = Number(record.custom_id);
  if (record.error && typeof record.error === "object") {
    const error = record.error as { code?: unknown; message?: unknown };
    return { requestId, ok: false, error: { kind: "server", retryable: true, message: `${String(error.code ?? "error")}: ${String(error.message ?? "")}`.slice(0, 2000) } };
  }
  const response = record.response as { status_code?: unknown; body?: unknown } | null | undefined;
  if (!response || typeof response !== "object") throw new BatchApiLineError("response is missing (and there is no error)");
  if (typeof response.status_code !== "number") throw new BatchApiLineError("response.status_code must be a number");
  const body = response.body as { choices?: unknown; usage?: { prompt_tokens?: unknown; completion_tokens?: unknown }; error?: { message?: unknown } } | undefined;
  if (response.status_code !== 200) {
    return { requestId, ok: false, error: statusError(response.status_code, String(body?.error?.message ?? `HTTP ${response.status_code}`).slice(0, 2000)) };
  }
  const choice = Array.isArray(body?.choices) ? (body.choices[0] as { text?: unknown; message?: { content?: unknown }; finish_reason?: unknown } | undefined) : undefined;
  if (!choice) throw new BatchApiLineError("response.body.choices[0] is missing");
  const content = api === "completions" ? choice.text : choice.message?.content;
  if (typeof content !== "string") throw new BatchApiLineError(`response.body.choices[0].${api === "completions" ? "text" : "message.content"} must be a string (this batch's endpoint uses the ${api} API)`);
  const tokens = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);
  return {
    requestId,
    ok: true,
    text: content,
    finishReason: typeof choice.finish_reason === "string" ? choice.finish_reason : "unknown",
    promptTokens: tokens(body?.usage?.prompt_tokens),
    completionTokens: tokens(body?.usage?.completion_tokens),
  };
}
