// A thin client over the official openai package, pointed at any OpenAI-compatible base URL.
// It sends exactly one HTTP request per call: the package's retries are off (maxRetries: 0) so
// the batch worker owns retry policy (classify-llm-error.ts, backoff-delay.ts) and every attempt
// is counted. Nothing is read from OPENAI_* environment variables: the endpoint settings are the
// whole truth, so a stray OPENAI_BASE_URL cannot redirect a batch.
import OpenAI from "openai";
import type { LlmClientConfig } from "@/lib/generation/llm-client/llm-client-config";
import { LlmResponseError } from "@/lib/generation/llm-client/llm-response-error";
import type { ChatMessage } from "@/lib/generation/prompts/prompt-template";

export interface GenerateParams {
  /** The recipe sends one request per sample (n = 1) with its own seed. */
  n?: number;
  seed?: number;
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  stop?: string[];
  /** Cancels the request (e.g. when a batch is paused). */
  signal?: AbortSignal;
}

export type GenerateRequest = ({ prompt: string; messages?: undefined } | { messages: ChatMessage[]; prompt?: undefined }) & GenerateParams;

export interface GeneratedChoice {
  text: string;
  finishReason: "stop" | "length" | string;
}

export interface GenerateResult extends GeneratedChoice {
  /** All choices when n > 1; the first is also spread into text/finishReason. */
  choices: GeneratedChoice[];
  /** null when the server reports no usage. */
  promptTokens: number | null;
  completionTokens: number | null;
  latencyMs: number;
  /** The model name the server reported (may differ from the configured alias). */
  model: string;
  raw: unknown;
}

export interface LlmClient {
  readonly config: LlmClientConfig;
  generate(request: GenerateRequest): Promise<GenerateResult>;
  embed(texts: string[], options?: { signal?: AbortSignal }): Promise<number[][]>;
}

/** vLLM's documented placeholder key; servers without auth ignore it. */
const NO_API_KEY = "EMPTY";

interface RawChoice {
  text?: unknown;
  message?: { content?: unknown };
  finish_reason?: unknown;
}

function readChoices(raw: unknown, api: LlmClientConfig["api"]): GeneratedChoice[] {
  const choices = (raw as { choices?: unknown } | null)?.choices;
  if (!Array.isArray(choices) || choices.length === 0) {
    throw new LlmResponseError("malformed", `reply has no choices: ${JSON.stringify(raw)?.slice(0, 200)}`);
  }
  return choices.map((choice: RawChoice, index) => {
    const text = api === "completions" ? choice.text : choice.message?.content;
    if (typeof text !== "string" && !(api === "chat" && text === null)) {
      throw new LlmResponseError("malformed", `choice ${index} has no ${api === "completions" ? "text" : "message content"}`);
    }
    return { text: text ?? "", finishReason: typeof choice.finish_reason === "string" ? choice.finish_reason : "unknown" };
  });
}

export function createLlmClient(config: LlmClientConfig): LlmClient {
  const openai = new OpenAI({
    baseURL: config.baseUrl,
    apiKey: config.apiKey ?? NO_API_KEY,
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    maxRetries: 0,
    timeout: config.timeoutMs,
  });

  async function generate(request: GenerateRequest): Promise<GenerateResult> {
    const sampling = {
      model: config.model,
      ...(request.n !== undefined ? { n: request.n } : {}),
      ...(request.seed !== undefined ? { seed: request.seed } : {}),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.topP !== undefined ? { top_p: request.topP } : {}),
      ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}),
      ...(request.stop?.length ? { stop: request.stop } : {}),
    };
    const options = { timeout: config.timeoutMs, ...(request.signal ? { signal: request.signal } : {}) };
    const started = performance.now();
    let raw: unknown;
    if (config.api === "completions") {
      if (request.prompt === undefined) {
        throw new LlmResponseError("bad-request", "this endpoint uses the completions API: give a prompt string, not chat messages");
      }
      raw = await openai.completions.create({ ...sampling, prompt: request.prompt }, options);
    } else {
      const messages = request.messages ?? [{ role: "user" as const, content: request.prompt }];
      raw = await openai.chat.completions.create({ ...sampling, messages }, options);
    }
    const latencyMs = performance.now() - started;
    const choices = readChoices(raw, config.api);
    const first = choices[0] as GeneratedChoice;
    const usage = (raw as { usage?: { prompt_tokens?: number; completion_tokens?: number } }).usage;
    return {
      text: first.text,
      finishReason: first.finishReason,
      choices,
      promptTokens: usage?.prompt_tokens ?? null,
      completionTokens: usage?.completion_tokens ?? null,
      latencyMs,
      model: String((raw as { model?: unknown }).model ?? config.model),
      raw,
    };
  }

  async function embed(texts: string[], embedOptions: { signal?: AbortSignal } = {}): Promise<number[][]> {
    if (texts.length === 0) return [];
    // "float" explicitly: the package would ask for base64, which llama.cpp and Ollama lack.
    const reply = await openai.embeddings.create(
      { model: config.embeddingModel ?? config.model, input: texts, encoding_format: "float" },
      { timeout: config.timeoutMs, ...(embedOptions.signal ? { signal: embedOptions.signal } : {}) },
    );
    const data = (reply as { data?: unknown }).data;
    if (!Array.isArray(data) || data.length !== texts.length) {
      throw new LlmResponseError("malformed", `expected ${texts.length} embeddings, got ${Array.isArray(data) ? data.length : "none"}`);
    }
    const vectors = new Array<number[]>(texts.length);
    for (const item of data as Array<{ index?: unknown; embedding?: unknown }>) {
      if (typeof item.index !== "number" || !Array.isArray(item.embedding)) throw new LlmResponseError("malformed", "embedding item without index or vector");
      vectors[item.index] = item.embedding as number[];
    }
    return vectors;
  }

  return { config, generate, embed };
}
