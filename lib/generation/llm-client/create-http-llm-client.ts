// The batch worker's transport: the same LlmClient contract as createLlmClient, over plain
// node:http(s) with keep-alive sockets. Measured here (bench/generation.ts), the openai package's
// fetch stack costs several times more CPU per request than the request itself, which capped a
// worker far below an endpoint's capacity. Failures are raised as the openai package's own error
// classes (APIError.generate with the status, body and headers; APIConnectionError;
// APIConnectionTimeoutError; APIUserAbortError) or LlmResponseError, so classifyLlmError and the
// retry policy treat both clients identically (create-http-llm-client.test.ts proves it per
// fault). Embeddings still go through createLlmClient.
import http from "node:http";
import https from "node:https";
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { createLlmClient, type GeneratedChoice, type GenerateRequest, type GenerateResult, type LlmClient } from "@/lib/generation/llm-client/create-llm-client";
import type { LlmClientConfig } from "@/lib/generation/llm-client/llm-client-config";
import { LlmResponseError } from "@/lib/generation/llm-client/llm-response-error";

const NO_API_KEY = "EMPTY";

function readChoices(raw: unknown, api: LlmClientConfig["api"]): GeneratedChoice[] {
  const choices = (raw as { choices?: unknown } | null)?.choices;
  if (!Array.isArray(choices) || choices.length === 0) {
    throw new LlmResponseError("malformed", `reply has no choices: ${JSON.stringify(raw)?.slice(0, 200)}`);
  }
  return choices.map((choice: { text?: unknown; message?: { content?: unknown }; finish_reason?: unknown }, index) => {
    const text = api === "completions" ? choice.text : choice.message?.content;
    if (typeof text !== "string" && !(api === "chat" && text === null)) {
      throw new LlmResponseError("malformed", `choice ${index} has no ${api === "completions" ? "text" : "message content"}`);
    }
    return { text: text ?? "", finishReason: typeof choice.finish_reason === "string" ? choice.finish_reason : "unknown" };
  });
}

function toHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      try {
        headers.append(name, item);
      } catch {
        // A header value fetch would refuse is of no use to the error classifier.
      }
    }
  }
  return headers;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function createHttpLlmClient(config: LlmClientConfig): LlmClient {
  const base = config.baseUrl.replace(/\/+$/, "");
  const target = new URL(`${base}${config.api === "completions" ? "/completions" : "/chat/completions"}`);
  const secure = target.protocol === "https:";
  const transport = secure ? https : http;
  const agent = new (secure ? https.Agent : http.Agent)({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY, keepAliveMsecs: 10_000 });
  const authorization = `Bearer ${config.apiKey ?? NO_API_KEY}`;
  let sdkClient: LlmClient | null = null;

  function generate(request: GenerateRequest): Promise<GenerateResult> {
    if (config.api === "completions" && request.prompt === undefined) {
      return Promise.reject(new LlmResponseError("bad-request", "this endpoint uses the completions API: give a prompt string, not chat messages"));
    }
    const body: Record<string, unknown> = { model: config.model };
    if (request.n !== undefined) body.n = request.n;
    if (request.seed !== undefined) body.seed = request.seed;
    if (request.temperature !== undefined) body.temperature = request.temperature;
    if (request.topP !== undefined) body.top_p = request.topP;
    if (request.maxTokens !== undefined) body.max_tokens = request.maxTokens;
    if (request.stop?.length) body.stop = request.stop;
    if (config.api === "completions") body.prompt = request.prompt;
    else body.messages = request.messages ?? [{ role: "user", content: request.prompt }];
    const payload = JSON.stringify(body);
    const started = performance.now();

    return new Promise<GenerateResult>((resolve, reject) => {
      let settled = false;
      const finish = (error: unknown, result?: GenerateResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        request.signal?.removeEventListener("abort", onAbort);
        if (error) reject(error);
        else resolve(result as GenerateResult);
      };
      const req = transport.request(
        target,
        {
          method: "POST",
          agent,
          headers: { "content-type": "application/json", accept: "application/json", authorization, "content-length": Buffer.byteLength(payload) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", (error) => finish(new APIConnectionError({ message: "Connection error.", cause: error })));
          res.on("aborted", () => finish(new APIConnectionError({ message: "Connection error.", cause: new Error("the server closed the connection mid-reply") })));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const status = res.statusCode ?? 0;
            if (status < 200 || status >= 300) {
              const json = safeJson(text);
              finish(APIError.generate(status, json as object | undefined, json ? undefined : text, toHeaders(res.headers)));
              return;
            }
            try {
              const raw = JSON.parse(text) as unknown;
              const choices = readChoices(raw, config.api);
              const first = choices[0] as GeneratedChoice;
              const usage = (raw as { usage?: { prompt_tokens?: number; completion_tokens?: number } }).usage;
              finish(null, {
                text: first.text,
                finishReason: first.finishReason,
                choices,
                promptTokens: usage?.prompt_tokens ?? null,
                completionTokens: usage?.completion_tokens ?? null,
                latencyMs: performance.now() - started,
                model: String((raw as { model?: unknown }).model ?? config.model),
                raw,
              });
            } catch (error) {
              // A SyntaxError (cut-off body) is classified "malformed", like the openai package's.
              finish(error);
            }
          });
        },
      );
      const timer = setTimeout(() => {
        finish(new APIConnectionTimeoutError({ message: "Request timed out." }));
        req.destroy();
      }, config.timeoutMs);
      const onAbort = () => {
        finish(new APIUserAbortError());
        req.destroy();
      };
      req.on("error", (error) => finish(new APIConnectionError({ message: "Connection error.", cause: error })));
      if (request.signal?.aborted) return onAbort();
      request.signal?.addEventListener("abort", onAbort, { once: true });
      req.end(payload);
    });
  }

  return {
    config,
    generate,
    embed(texts, options) {
      sdkClient ??= createLlmClient(config);
      return sdkClient.embed(texts, options);
    },
  };
}
