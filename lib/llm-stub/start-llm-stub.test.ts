// The stand-in over real HTTP (plain fetch, no OpenAI client): the wire format other code and
// other tools rely on, determinism, fault injection bookkeeping and concurrency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";

// The parts of the OpenAI wire format these tests read.
interface WireReply {
  id: string;
  object: string;
  created: number;
  model: string;
  choices: Array<{ index: number; text: string; finish_reason: string; message: { role: string; content: string } }>;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
  data: Array<{ id: string; embedding: number[] }>;
  error: { message: string; param: string | null };
}

let stub: LlmStub;
beforeAll(async () => {
  stub = await startLlmStub({ answers: { "How many sides does a hexagon have?": "6" }, accuracy: 1 });
});
afterAll(() => stub.close());

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${stub.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as WireReply };
}

const solvePrompt = (problem: string) => `Solve it.\n\nProblem:\nWhat is 1 + 1?\n\nSolution:\n\\boxed{2}\n\n\n\n\n\nProblem:\n${problem}\n\nSolution:\n`;

describe("llm stand-in", () => {
  it("listens on 127.0.0.1 with a free port and names itself a stand-in", async () => {
    expect(stub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const response = await fetch(`${stub.url}/models`);
    const body = (await response.json()) as WireReply;
    expect(body.data[0].id).toBe("boxed-stand-in");
  });

  it("answers completions in the OpenAI shape, solving the last problem of the prompt", async () => {
    const { status, json } = await post("/completions", { model: "m", prompt: solvePrompt("How many sides does a hexagon have?"), seed: 3, stop: ["\n\n\n\n\n\n"] });
    expect(status).toBe(200);
    expect(json).toMatchObject({ object: "text_completion", model: "boxed-stand-in", choices: [{ index: 0, finish_reason: "stop" }] });
    expect(json.id).toMatch(/^cmpl-/);
    expect(typeof json.created).toBe("number");
    expect(json.choices[0].text).toContain("\\boxed{6}");
    expect(json.choices[0].text).not.toContain("\n\n\n\n\n\n");
    expect(json.usage.total_tokens).toBe(json.usage.prompt_tokens + json.usage.completion_tokens);
  });

  it("runs on past the answer like a base model when no stop sequence is given", async () => {
    const { json } = await post("/completions", { prompt: solvePrompt("What is 6 * 7?"), seed: 1 });
    expect(json.choices[0].text).toContain("\n\n\n\n\n\nProblem:");
  });

  it("is deterministic per (prompt, seed) and varies across seeds", async () => {
    const prompt = solvePrompt("A train travels 120 km in 2 hours. What is its speed?");
    const texts = async (seed: number) => (await post("/completions", { prompt, seed, stop: ["\n\n\n\n\n\n"] })).json.choices[0].text;
    expect(await texts(7)).toBe(await texts(7));
    const many = new Set(await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(texts)));
    expect(many.size).toBeGreaterThan(1);
  });

  it("gives an unknown problem a favourite answer that wins a majority vote", async () => {
    const prompt = solvePrompt("A mystery problem with no known answer about 17 marbles.");
    const { json } = await post("/completions", { prompt, n: 32, seed: 11, stop: ["\n\n\n\n\n\n"] });
    const answers = json.choices.map((c) => /\\boxed\{([^}]*)\}/.exec(c.text)?.[1] ?? "none");
    const counts = new Map<string, number>();
    for (const a of answers) counts.set(a, (counts.get(a) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(counts.size).toBeGreaterThan(1);
    expect(sorted[0]).toBeGreaterThan(sorted[1] ?? 0);
  });

  it("reports finish_reason length when max_tokens cuts the text", async () => {
    const { json } = await post("/completions", { prompt: solvePrompt("What is 2 + 2?"), max_tokens: 5 });
    expect(json.choices[0].finish_reason).toBe("length");
    expect(json.usage.completion_tokens).toBeLessThanOrEqual(5);
  });

  it("answers chat, problem-generation and judge prompts", async () => {
    const chat = await post("/chat/completions", { messages: [{ role: "user", content: "Problem:\nHow many sides does a hexagon have?" }], seed: 1 });
    expect(chat.json.object).toBe("chat.completion");
    expect(chat.json.choices[0].message).toMatchObject({ role: "assistant" });
    expect(chat.json.choices[0].message.content).toContain("\\boxed{6}");

    const newProblem = await post("/chat/completions", {
      messages: [{ role: "user", content: "Write a new math problem inspired by the given one.\n\nOriginal problem:\nA box holds 12 eggs. How many eggs are in 5 boxes?\n\nNew problem:" }],
      seed: 2,
    });
    const text: string = newProblem.json.choices[0].message.content;
    expect(text).not.toContain("\\boxed");
    expect(text.replace(/^New problem:\n/, "")).not.toBe("A box holds 12 eggs. How many eggs are in 5 boxes?");

    const judge = await post("/chat/completions", {
      messages: [{ role: "user", content: "First problem:\nWhat is 2+2?\n\nSecond problem:\nwhat is 2 + 2\n\nAnswer only True or False." }],
      temperature: 0,
    });
    expect(judge.json.choices[0].message.content).toBe("True");
  });

  it("returns normalised, deterministic embeddings that reflect word overlap", async () => {
    const { json } = await post("/embeddings", { input: ["the cat sat on the mat", "the cat sat on a mat", "prime numbers below fifty"], dimensions: 64 });
    const [a, b, c] = json.data.map((d) => d.embedding);
    const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * (y[i] as number), 0);
    expect(a).toHaveLength(64);
    expect(dot(a, a)).toBeCloseTo(1, 6);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c));
  });

  it("rejects bad requests with an OpenAI-style error naming the field", async () => {
    const { status, json } = await post("/completions", { prompt: "x", n: 0 });
    expect(status).toBe(400);
    expect(json.error.param).toBe("n");
    expect((await post("/nope", {})).status).toBe(404);
  });

  it("counts requests by route and injected errors by kind", async () => {
    const local = await startLlmStub({ errorRate: { "500": 1 } });
    try {
      const response = await fetch(`${local.url}/completions`, { method: "POST", body: JSON.stringify({ prompt: "x" }) });
      expect(response.status).toBe(500);
      local.setOptions({ errorRate: 0 });
      await fetch(`${local.url}/models`);
      const stats = local.stats();
      expect(stats.requests["POST /v1/completions"]).toBe(1);
      expect(stats.requests["GET /v1/models"]).toBe(1);
      expect(stats.errorsInjected["500"]).toBe(1);
    } finally {
      await local.close();
    }
  });

  // Concurrency is proven by the stand-in's own count of requests open at once, not by a clock
  // (a timed assertion fails on a loaded machine).
  it("serves 256 concurrent requests at 200 ms latency all at once", async () => {
    const local = await startLlmStub({ latencyMs: 200 });
    try {
      const replies = await Promise.all(
        Array.from({ length: 256 }, (_, i) =>
          fetch(`${local.url}/completions`, { method: "POST", body: JSON.stringify({ prompt: solvePrompt(`What is ${i} + 1?`), seed: i }) }).then((r) => r.json() as Promise<WireReply>),
        ),
      );
      expect(replies.every((r) => typeof r.choices?.[0]?.text === "string")).toBe(true);
      expect(local.stats().maxInFlight).toBeGreaterThanOrEqual(200);
    } finally {
      await local.close();
    }
  });
});
