// Parity: the worker's node:http transport and the openai-package client must agree on replies
// and on how every fault the stand-in can inject is classified (kind, retryable, status,
// Retry-After), so the retry policy cannot tell them apart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyLlmError } from "@/lib/generation/llm-client/classify-llm-error";
import { createHttpLlmClient } from "@/lib/generation/llm-client/create-http-llm-client";
import { createLlmClient } from "@/lib/generation/llm-client/create-llm-client";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";
import type { StubErrorKind } from "@/lib/llm-stub/stub-options";

let stub: LlmStub;
beforeAll(async () => {
  stub = await startLlmStub({ retryAfterSeconds: 3, accuracy: 1 });
});
afterAll(() => stub.close());

const clients = (api: "completions" | "chat", timeoutMs = 5000, extra: { apiKey?: string; baseUrl?: string } = {}) => [
  createLlmClient({ baseUrl: extra.baseUrl ?? stub.url, model: "m", api, timeoutMs, ...(extra.apiKey ? { apiKey: extra.apiKey } : {}) }),
  createHttpLlmClient({ baseUrl: extra.baseUrl ?? stub.url, model: "m", api, timeoutMs, ...(extra.apiKey ? { apiKey: extra.apiKey } : {}) }),
];

const pick = (c: ReturnType<typeof classifyLlmError>) => ({ kind: c.kind, retryable: c.retryable, status: c.status, retryAfterMs: c.retryAfterMs });

describe("createHttpLlmClient", () => {
  it("returns the same replies as the openai-package client", async () => {
    for (const api of ["completions", "chat"] as const) {
      const [sdk, http] = clients(api);
      const request = api === "completions" ? { prompt: "Problem:\nWhat is 6 * 7?\n\nSolution:\n", stop: ["\n\n\n\n\n\n"], seed: 3 } : { messages: [{ role: "user" as const, content: "What is 6 * 7?" }], seed: 3 };
      const [a, b] = await Promise.all([sdk?.generate(request), http?.generate(request)]);
      expect(b?.text).toBe(a?.text);
      expect(b?.text).toContain("\\boxed{42}");
      expect({ finish: b?.finishReason, pt: b?.promptTokens, ct: b?.completionTokens, model: b?.model }).toEqual({ finish: a?.finishReason, pt: a?.promptTokens, ct: a?.completionTokens, model: a?.model });
    }
  });

  it.each(["429", "500", "malformed-json", "drop-connection", "timeout"] as StubErrorKind[])("classifies an injected %s exactly like the openai-package client", async (kind) => {
    stub.setOptions({ errorRate: { [kind]: 1 } });
    try {
      const results = [];
      for (const client of clients("completions", 400)) {
        const error = await client.generate({ prompt: "Problem:\nWhat is 1 + 1?\n\nSolution:\n", seed: 1 }).then(
          () => new Error("expected a failure"),
          (e: unknown) => e,
        );
        results.push(pick(classifyLlmError(error)));
      }
      expect(results[1]).toEqual(results[0]);
      expect(results[1]?.kind).not.toBe("unknown");
    } finally {
      stub.setOptions({ errorRate: 0 });
    }
  });

  it("classifies auth failures, refused connections, bad requests and cancellation alike", async () => {
    const guarded = await startLlmStub({ requireApiKey: "right" });
    const closed = await startLlmStub();
    const closedUrl = closed.url;
    await closed.close();
    try {
      const cases: [string, LlmClient[], Parameters<LlmClient["generate"]>[0]][] = [
        ["auth", clients("chat", 5000, { baseUrl: guarded.url, apiKey: "wrong" }), { prompt: "hi" }],
        ["refused", clients("chat", 2000, { baseUrl: closedUrl }), { prompt: "hi" }],
        ["bad request", clients("chat"), { prompt: "hi", n: 1000 }],
        ["chat on completions", clients("completions"), { messages: [{ role: "user", content: "hi" }] }],
        ["cancelled", clients("chat"), { prompt: "hi", signal: AbortSignal.abort() }],
      ];
      for (const [what, pair, request] of cases) {
        const classified = [];
        for (const client of pair) classified.push(pick(classifyLlmError(await client.generate(request).catch((e: unknown) => e))));
        expect(classified[1], what).toEqual(classified[0]);
      }
    } finally {
      await guarded.close();
    }
  });
});

type LlmClient = ReturnType<typeof createLlmClient>;
