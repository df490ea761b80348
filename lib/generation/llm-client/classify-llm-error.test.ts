// Every fault the stand-in can inject, raised through the real client over HTTP, must land in the
// right kind with the right retry advice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backoffDelay } from "@/lib/generation/llm-client/backoff-delay";
import { classifyLlmError } from "@/lib/generation/llm-client/classify-llm-error";
import { createLlmClient } from "@/lib/generation/llm-client/create-llm-client";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";
import type { StubErrorKind } from "@/lib/llm-stub/stub-options";

let stub: LlmStub;
beforeAll(async () => {
  stub = await startLlmStub({ retryAfterSeconds: 3 });
});
afterAll(() => stub.close());

async function failureWith(kind: StubErrorKind, timeoutMs = 5000) {
  stub.setOptions({ errorRate: { [kind]: 1 } });
  const client = createLlmClient({ baseUrl: stub.url, model: "m", api: "completions", timeoutMs });
  const started = performance.now();
  const error = await client.generate({ prompt: "Problem:\nWhat is 1 + 1?\n\nSolution:\n", seed: 1 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  stub.setOptions({ errorRate: 0 });
  expect(error, `expected the ${kind} fault to fail the request`).toBeDefined();
  return { classified: classifyLlmError(error), elapsedMs: performance.now() - started };
}

describe("classifyLlmError against injected faults", () => {
  it("429: rate-limit, retryable, Retry-After read and honoured by backoffDelay", async () => {
    const { classified } = await failureWith("429");
    expect(classified).toMatchObject({ kind: "rate-limit", retryable: true, status: 429, retryAfterMs: 3000 });
    const delay = backoffDelay(0, { baseMs: 100, maxMs: 1000, retryAfterMs: classified.retryAfterMs, random: () => 0.5 });
    expect(delay).toBeGreaterThanOrEqual(3000);
    expect(stub.stats().errorsInjected["429"]).toBe(1);
  });

  it("500: server, retryable", async () => {
    expect((await failureWith("500")).classified).toMatchObject({ kind: "server", retryable: true, status: 500 });
  });

  it("malformed JSON: malformed, retryable", async () => {
    expect((await failureWith("malformed-json")).classified).toMatchObject({ kind: "malformed", retryable: true });
  });

  it("dropped connection: connection, retryable, with the cause in the message", async () => {
    const { classified } = await failureWith("drop-connection");
    expect(classified).toMatchObject({ kind: "connection", retryable: true });
    expect(classified.message).toMatch(/closed|socket|reset/i);
  });

  it("a hanging server: the client's timeout fires, and it is classified as timeout", async () => {
    const { classified, elapsedMs } = await failureWith("timeout", 300);
    expect(classified).toMatchObject({ kind: "timeout", retryable: true });
    expect(elapsedMs).toBeGreaterThanOrEqual(250);
    expect(elapsedMs).toBeLessThan(3000);
  });

  it("a wrong API key: auth, not retryable", async () => {
    const guarded = await startLlmStub({ requireApiKey: "right-key" });
    try {
      const wrong = createLlmClient({ baseUrl: guarded.url, apiKey: "wrong-key", model: "m", api: "chat", timeoutMs: 5000 });
      const error = await wrong.generate({ prompt: "hi" }).catch((e: unknown) => e);
      expect(classifyLlmError(error)).toMatchObject({ kind: "auth", retryable: false, status: 401 });
      const right = createLlmClient({ baseUrl: guarded.url, apiKey: "right-key", model: "m", api: "chat", timeoutMs: 5000 });
      await expect(right.generate({ prompt: "hi" })).resolves.toMatchObject({ finishReason: "stop" });
      expect(guarded.stats().unauthorized).toBe(1);
    } finally {
      await guarded.close();
    }
  });

  it("a refused connection: connection, retryable", async () => {
    const closed = await startLlmStub();
    const url = closed.url;
    await closed.close();
    const client = createLlmClient({ baseUrl: url, model: "m", api: "chat", timeoutMs: 2000 });
    const error = await client.generate({ prompt: "hi" }).catch((e: unknown) => e);
    expect(classifyLlmError(error)).toMatchObject({ kind: "connection", retryable: true });
  });

  it("a bad request and a cancelled request are not retryable", async () => {
    const client = createLlmClient({ baseUrl: stub.url, model: "m", api: "chat", timeoutMs: 5000 });
    const bad = await client.generate({ prompt: "hi", n: 1000 }).catch((e: unknown) => e);
    expect(classifyLlmError(bad)).toMatchObject({ kind: "bad-request", retryable: false, status: 400 });
    const controller = new AbortController();
    stub.setOptions({ latencyMs: 1000 });
    const pending = client.generate({ prompt: "hi", signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(classifyLlmError(await pending)).toMatchObject({ kind: "unknown", retryable: false });
    stub.setOptions({ latencyMs: 0 });
  });

  it("non-errors and plain errors are unknown", () => {
    expect(classifyLlmError("boom")).toEqual({ kind: "unknown", retryable: false, message: "boom" });
  });
});
