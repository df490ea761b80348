// The client against the real stand-in over HTTP on 127.0.0.1: no mocks, so the request shape,
// the openai package's behaviour and our parsing are all exercised together.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GSM8K_SOLUTION_EXAMPLES } from "@/lib/generation/few-shot/gsm8k-solution-examples";
import { classifyLlmError } from "@/lib/generation/llm-client/classify-llm-error";
import { createLlmClient, type LlmClient } from "@/lib/generation/llm-client/create-llm-client";
import { SOLUTION_CHAT_TEMPLATE, SOLUTION_COMPLETION_TEMPLATE } from "@/lib/generation/prompts/default-templates";
import { renderPrompt } from "@/lib/generation/prompts/render-prompt";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";

const PROBLEM = "A baker packs 7 boxes of 12 rolls. What is 7 * 12?";
let stub: LlmStub;
let completions: LlmClient;
let chat: LlmClient;

beforeAll(async () => {
  stub = await startLlmStub({ accuracy: 1 });
  completions = createLlmClient({ baseUrl: stub.url, model: "teacher", api: "completions", timeoutMs: 5000 });
  chat = createLlmClient({ baseUrl: stub.url, model: "teacher", api: "chat", timeoutMs: 5000 });
});
afterAll(() => stub.close());

function completionPrompt() {
  const rendered = renderPrompt(SOLUTION_COMPLETION_TEMPLATE, { examples: GSM8K_SOLUTION_EXAMPLES, problem: PROBLEM });
  if (rendered.api !== "completions") throw new Error("expected a completion prompt");
  return rendered;
}

describe("createLlmClient", () => {
  it("round-trips a recipe completion prompt with its stop sequence", async () => {
    const { prompt, stop } = completionPrompt();
    const reply = await completions.generate({ prompt, stop, seed: 1, temperature: 1, topP: 0.95, maxTokens: 2048 });
    expect(reply.text).toContain("\\boxed{84}");
    expect(reply.text).not.toContain("\n\n\n\n\n\n");
    expect(reply.finishReason).toBe("stop");
    expect(reply.model).toBe("boxed-stand-in");
    expect(reply.promptTokens).toBeGreaterThan(100);
    expect(reply.completionTokens).toBeGreaterThan(0);
    expect(reply.latencyMs).toBeGreaterThan(0);
  });

  it("round-trips chat messages", async () => {
    const rendered = renderPrompt(SOLUTION_CHAT_TEMPLATE, { examples: GSM8K_SOLUTION_EXAMPLES, problem: PROBLEM });
    if (rendered.api !== "chat") throw new Error("expected chat");
    const reply = await chat.generate({ messages: rendered.messages, seed: 4 });
    expect(reply.text).toContain("\\boxed{84}");
    expect(reply.finishReason).toBe("stop");
  });

  it("is deterministic per seed and differs across seeds", async () => {
    const { prompt, stop } = completionPrompt();
    const one = await completions.generate({ prompt, stop, seed: 42 });
    const again = await completions.generate({ prompt, stop, seed: 42 });
    expect(again.text).toBe(one.text);
    const others = await Promise.all([1, 2, 3, 4, 5].map((seed) => completions.generate({ prompt, stop, seed })));
    expect(new Set([one.text, ...others.map((o) => o.text)]).size).toBeGreaterThan(1);
  });

  it("returns every choice when n > 1, with usage summed over them", async () => {
    const { prompt, stop } = completionPrompt();
    const reply = await completions.generate({ prompt, stop, seed: 9, n: 3 });
    expect(reply.choices).toHaveLength(3);
    expect(reply.text).toBe(reply.choices[0]?.text);
    expect(reply.completionTokens).toBeGreaterThanOrEqual(3 * Math.ceil((reply.choices[2]?.text.length ?? 0) / 4) - 200);
  });

  it("reports finish_reason length for max_tokens and for injected truncation", async () => {
    const { prompt, stop } = completionPrompt();
    const capped = await completions.generate({ prompt, stop, seed: 1, maxTokens: 8 });
    expect(capped.finishReason).toBe("length");
    expect(capped.completionTokens).toBeLessThanOrEqual(8);

    const local = await startLlmStub({ truncateRate: 1 });
    try {
      const client = createLlmClient({ baseUrl: local.url, model: "m", api: "completions", timeoutMs: 5000 });
      const cut = await client.generate({ prompt, stop, seed: 1 });
      expect(cut.finishReason).toBe("length");
      expect(cut.text).not.toContain("\\boxed");
      expect(local.stats().truncated).toBe(1);
    } finally {
      await local.close();
    }
  });

  it("refuses chat messages on a completions endpoint, as a bad request", async () => {
    const error = await completions.generate({ messages: [{ role: "user", content: "hi" }] }).catch((e: unknown) => e);
    expect(classifyLlmError(error)).toMatchObject({ kind: "bad-request", retryable: false });
  });

  it("embeds texts in order, as unit vectors", async () => {
    const vectors = await chat.embed(["two plus two", "the area of a circle", "two plus three"]);
    expect(vectors).toHaveLength(3);
    const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * (y[i] as number), 0);
    expect(dot(vectors[0] as number[], vectors[0] as number[])).toBeCloseTo(1, 5);
    expect(dot(vectors[0] as number[], vectors[2] as number[])).toBeGreaterThan(dot(vectors[0] as number[], vectors[1] as number[]));
  });

  it("ignores OPENAI_* environment variables", async () => {
    const saved = process.env.OPENAI_BASE_URL;
    process.env.OPENAI_BASE_URL = "http://127.0.0.1:1/v1";
    try {
      const client = createLlmClient({ baseUrl: stub.url, model: "m", api: "chat", timeoutMs: 5000 });
      await expect(client.generate({ prompt: "What is 1 + 1?" })).resolves.toMatchObject({ finishReason: "stop" });
    } finally {
      if (saved === undefined) delete process.env.OPENAI_BASE_URL;
      else process.env.OPENAI_BASE_URL = saved;
    }
  });
});
