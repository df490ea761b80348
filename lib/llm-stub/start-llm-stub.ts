// An OpenAI-compatible stand-in server for demos, tests and benchmarks: node:http only, one
// timer per request and no per-request work beyond string building, so hundreds of concurrent
// connections at 200 ms latency cost almost nothing. It is not a model and says so in `model`.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { approximateTokens } from "@/lib/llm-stub/approximate-tokens";
import { indexAnswers } from "@/lib/llm-stub/choose-answer";
import { chooseFault, chooseLatency } from "@/lib/llm-stub/choose-fault";
import { completePrompt, type SamplingParams, type StubChoice } from "@/lib/llm-stub/complete-prompt";
import { seedFrom } from "@/lib/llm-stub/deterministic-random";
import { embeddingToBase64, hashedEmbedding } from "@/lib/llm-stub/hashed-embedding";
import { ChatRequestSchema, CompletionRequestSchema, EmbeddingRequestSchema, messageText } from "@/lib/llm-stub/request-schemas";
import { DEFAULT_STUB_OPTIONS, mergeStubOptions, STUB_ERROR_KINDS, type StubErrorKind, type StubOptions } from "@/lib/llm-stub/stub-options";

export interface StartLlmStubOptions extends Partial<StubOptions> {
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface StubStats {
  /** Requests received, keyed "METHOD /path". */
  requests: Record<string, number>;
  totalRequests: number;
  errorsInjected: Record<StubErrorKind, number>;
  unauthorized: number;
  badRequests: number;
  /** Choices cut by truncateRate or max_tokens. */
  truncated: number;
  inFlight: number;
  maxInFlight: number;
}

export interface LlmStub {
  /** Base URL to give an OpenAI client, e.g. http://127.0.0.1:PORT/v1 */
  url: string;
  port: number;
  stats(): StubStats;
  setOptions(patch: Partial<StubOptions>): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;
const DEFAULT_MAX_TOKENS = 2048;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type = "invalid_request_error",
    readonly param: string | null = null,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

function sendError(res: ServerResponse, error: HttpError, headers: Record<string, string> = {}): void {
  sendJson(res, error.status, { error: { message: error.message, type: error.type, param: error.param, code: null } }, headers);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new HttpError(413, "request body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "request body is not valid JSON");
  }
}

function validate<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const param = issue?.path.map(String).join(".") || null;
  throw new HttpError(400, `${param ?? "body"}: ${issue?.message ?? "invalid request"}`, "invalid_request_error", param);
}

/** Waits, unless the client goes away first (then resolves false so no work is wasted). */
function wait(ms: number, res: ServerResponse): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!res.destroyed);
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off("close", onClose);
      resolve(!res.destroyed);
    }, ms);
    res.once("close", onClose);
  });
}

function usage(promptTokens: number, choices: StubChoice[]) {
  const completionTokens = choices.reduce((sum, choice) => sum + choice.completionTokens, 0);
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

function normaliseStop(stop: string | string[] | null | undefined): string[] {
  if (stop == null) return [];
  return typeof stop === "string" ? [stop] : stop;
}

export async function startLlmStub(startOptions: StartLlmStubOptions = {}): Promise<LlmStub> {
  const { port: requestedPort = 0, ...optionPatch } = startOptions;
  let options = mergeStubOptions(DEFAULT_STUB_OPTIONS, optionPatch);
  let answers = indexAnswers(options.answers);
  let requestNumber = 0;
  const stats: StubStats = {
    requests: {},
    totalRequests: 0,
    errorsInjected: Object.fromEntries(STUB_ERROR_KINDS.map((kind) => [kind, 0])) as Record<StubErrorKind, number>,
    unauthorized: 0,
    badRequests: 0,
    truncated: 0,
    inFlight: 0,
    maxInFlight: 0,
  };
  const sockets = new Set<Socket>();

  const created = () => Math.floor(Date.now() / 1000);
  // Unique per server run and request without a crypto call per request.
  const idBase = randomBytes(6).toString("hex");
  const newId = (prefix: string, number: number) => `${prefix}-${idBase}${number.toString(16).padStart(8, "0")}`;

  function checkModel(model: string | undefined): void {
    if (options.strictModel && model !== undefined && model !== options.model) {
      throw new HttpError(404, `The model \`${model}\` does not exist. This stand-in serves \`${options.model}\`.`, "NotFoundError", "model");
    }
  }

  function samplingParams(body: { n: number; seed?: number | null; temperature: number; stop?: string | string[] | null }, maxTokens: number | null | undefined, number: number): SamplingParams {
    return {
      n: body.n,
      // Unseeded requests are still reproducible for a given stand-in seed and arrival order.
      seed: body.seed ?? seedFrom("unseeded", options.seed, number),
      temperature: body.temperature,
      maxTokens: maxTokens ?? DEFAULT_MAX_TOKENS,
      stop: normaliseStop(body.stop),
    };
  }

  function countTruncated(choices: StubChoice[]): void {
    for (const choice of choices) if (choice.finishReason === "length") stats.truncated++;
  }

  const routes: Record<string, (body: unknown, number: number) => unknown> = {
    "POST /v1/completions": (raw, number) => {
      const body = validate(CompletionRequestSchema, raw);
      checkModel(body.model);
      const prompt = typeof body.prompt === "string" ? body.prompt : (body.prompt[0] as string);
      const choices = completePrompt({ promptText: prompt, api: "completions", params: samplingParams(body, body.max_tokens, number), options, answers });
      countTruncated(choices);
      return {
        id: newId("cmpl", number),
        object: "text_completion",
        created: created(),
        model: options.model,
        choices: choices.map((choice, index) => ({ index, text: choice.text, logprobs: null, finish_reason: choice.finishReason })),
        usage: usage(approximateTokens(prompt), choices),
      };
    },
    "POST /v1/chat/completions": (raw, number) => {
      const body = validate(ChatRequestSchema, raw);
      checkModel(body.model);
      // The stand-in answers the last user turn; earlier turns only count towards prompt tokens.
      const lastUser = [...body.messages].reverse().find((message) => message.role === "user") ?? body.messages.at(-1);
      const promptText = lastUser ? messageText(lastUser.content) : "";
      const promptTokens = body.messages.reduce((sum, message) => sum + 4 + approximateTokens(messageText(message.content)), 0);
      const params = samplingParams(body, body.max_completion_tokens ?? body.max_tokens, number);
      const choices = completePrompt({ promptText, api: "chat", params, options, answers });
      countTruncated(choices);
      return {
        id: newId("chatcmpl", number),
        object: "chat.completion",
        created: created(),
        model: options.model,
        choices: choices.map((choice, index) => ({
          index,
          message: { role: "assistant", content: choice.text },
          logprobs: null,
          finish_reason: choice.finishReason,
        })),
        usage: usage(promptTokens, choices),
      };
    },
    "POST /v1/embeddings": (raw) => {
      const body = validate(EmbeddingRequestSchema, raw);
      checkModel(body.model);
      const inputs = typeof body.input === "string" ? [body.input] : body.input;
      const dimensions = body.dimensions ?? options.embeddingDimensions;
      const promptTokens = inputs.reduce((sum, text) => sum + approximateTokens(text), 0);
      return {
        object: "list",
        model: options.model,
        data: inputs.map((text, index) => {
          const vector = hashedEmbedding(text, dimensions);
          return { object: "embedding", index, embedding: body.encoding_format === "base64" ? embeddingToBase64(vector) : vector };
        }),
        usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
      };
    },
    "GET /v1/models": () => ({
      object: "list",
      data: [{ id: options.model, object: "model", created: 0, owned_by: "boxed-stand-in (not a real model)" }],
    }),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0] as string;
    const routeKey = `${req.method} ${path.replace(/\/+$/, "")}`;
    stats.requests[routeKey] = (stats.requests[routeKey] ?? 0) + 1;
    stats.totalRequests++;
    const number = requestNumber++;
    const route = routes[routeKey];
    if (!route) return sendError(res, new HttpError(404, `no route ${routeKey} on the Boxed LLM stand-in`, "NotFoundError"));

    if (options.requireApiKey !== undefined && req.headers.authorization !== `Bearer ${options.requireApiKey}`) {
      stats.unauthorized++;
      return sendError(res, new HttpError(401, "Incorrect API key provided.", "authentication_error"));
    }
    const body = req.method === "POST" ? parseJson(await readBody(req)) : undefined;

    const fault = req.method === "POST" ? chooseFault(options, number) : undefined;
    if (fault === "timeout") {
      // Never answer: the client's own timeout must fire. close() destroys the socket.
      stats.errorsInjected.timeout++;
      return;
    }
    if (!(await wait(chooseLatency(options, number), res))) return;

    switch (fault) {
      case "429":
        stats.errorsInjected["429"]++;
        return sendError(res, new HttpError(429, "Rate limit reached (injected by the Boxed LLM stand-in).", "rate_limit_error"), {
          "retry-after": String(options.retryAfterSeconds),
        });
      case "500":
        stats.errorsInjected["500"]++;
        return sendError(res, new HttpError(500, "Internal server error (injected by the Boxed LLM stand-in).", "server_error"));
      case "drop-connection":
        stats.errorsInjected["drop-connection"]++;
        req.socket.destroy();
        return;
      case "malformed-json": {
        stats.errorsInjected["malformed-json"]++;
        const cut = '{"id":"cmpl-broken","object":"text_completion","choices":[{"index":0,"text":"We start by';
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(cut) });
        res.end(cut);
        return;
      }
      case undefined:
        return sendJson(res, 200, route(body, number));
    }
  }

  const server = createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    res.once("close", () => stats.inFlight--);
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        if (error.status === 400) stats.badRequests++;
        return sendError(res, error);
      }
      sendError(res, new HttpError(500, `stand-in failure: ${error instanceof Error ? error.message : String(error)}`, "server_error"));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  // The benchmark opens 256+ connections at once; the default backlog (511) is enough, and no
  // per-server connection cap is set.
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(requestedPort, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    stats: () => structuredClone(stats),
    setOptions(patch) {
      options = mergeStubOptions(options, patch);
      if (patch.answers) answers = indexAnswers(options.answers);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}
