// One vocabulary for every way a request can fail, so the batch worker decides retries from
// `retryable` and `retryAfterMs` alone and the UI can say what went wrong. The openai package's
// own retries are off (see create-llm-client.ts); this is the single place retry policy starts.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { LlmResponseError } from "@/lib/generation/llm-client/llm-response-error";
import { parseRetryAfter } from "@/lib/generation/llm-client/parse-retry-after";

export type LlmErrorKind = "rate-limit" | "server" | "timeout" | "connection" | "malformed" | "auth" | "bad-request" | "unknown";

export interface ClassifiedLlmError {
  kind: LlmErrorKind;
  retryable: boolean;
  /** From Retry-After / retry-after-ms, when the server sent one. */
  retryAfterMs?: number;
  status?: number;
  message: string;
}

function causeText(error: Error): string {
  const cause = error.cause;
  if (!(cause instanceof Error)) return "";
  const code = (cause as { code?: unknown }).code;
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : "";
  return ` (${cause.message}${inner}${typeof code === "string" ? `, ${code}` : ""})`;
}

function fromStatus(error: APIError, status: number): ClassifiedLlmError {
  const retryAfterMs = parseRetryAfter(error.headers ?? undefined);
  const base = { status, message: error.message, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  if (status === 429) {
    // OpenAI answers 429 for an exhausted quota too; waiting will not help there.
    return { kind: "rate-limit", retryable: error.code !== "insufficient_quota", ...base };
  }
  if (status === 401 || status === 403) return { kind: "auth", retryable: false, ...base };
  if (status === 408) return { kind: "timeout", retryable: true, ...base };
  if (status === 409 || status >= 500) return { kind: "server", retryable: true, ...base };
  return { kind: "bad-request", retryable: false, ...base };
}

export function classifyLlmError(error: unknown): ClassifiedLlmError {
  if (error instanceof LlmResponseError) {
    return { kind: error.kind, retryable: error.kind === "malformed", message: error.message };
  }
  // Order matters: the timeout and abort errors are subclasses of APIConnectionError / APIError.
  if (error instanceof APIUserAbortError) return { kind: "unknown", retryable: false, message: "request cancelled by the caller" };
  if (error instanceof APIConnectionTimeoutError) return { kind: "timeout", retryable: true, message: error.message };
  if (error instanceof APIConnectionError) return { kind: "connection", retryable: true, message: `${error.message}${causeText(error)}` };
  if (error instanceof APIError) {
    if (typeof error.status === "number") return fromStatus(error, error.status);
    return { kind: "unknown", retryable: false, message: error.message };
  }
  // The openai package parses JSON bodies itself and lets a SyntaxError through on a broken one.
  if (error instanceof SyntaxError) return { kind: "malformed", retryable: true, message: `reply is not valid JSON: ${error.message}` };
  if (error instanceof Error) return { kind: "unknown", retryable: false, message: error.message };
  return { kind: "unknown", retryable: false, message: String(error) };
}
