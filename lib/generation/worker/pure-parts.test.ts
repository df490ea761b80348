// The worker's pure parts: grading a landed solution, the request a claimed row becomes, the
// stats merge and the Batch API line formats.
import { describe, expect, it } from "vitest";
import { mergeStats, recentRate } from "@/lib/generation/batches/batch-stats";
import { BatchApiLineError, batchApiInputLine, parseBatchApiOutputLine } from "@/lib/generation/batches/batch-api-lines";
import { JUDGE_TEMPLATE, SOLUTION_CHAT_TEMPLATE, SOLUTION_COMPLETION_TEMPLATE } from "@/lib/generation/prompts/default-templates";
import { createRequestBuilder } from "@/lib/generation/worker/build-request";
import { gradeSolution } from "@/lib/generation/worker/grade-solution";

const request = { problemId: 1, sampleIndex: 3, problemText: "What is 2 + 2?", source: "gsm8k", otherText: "What is two plus two?" };

describe("gradeSolution", () => {
  it("grades the last box against the gold answer", () => {
    expect(gradeSolution("So \\boxed{3} ... no, \\boxed{\\frac{1}{2}}", "0.5", "stop")).toMatchObject({ verdict: "equal", extractedAnswer: "\\frac{1}{2}", boxedCount: 2 });
    expect(gradeSolution("\\boxed{7}", "8", "stop")).toMatchObject({ verdict: "not_equal", verdictRule: expect.any(String) });
  });
  it("a reply cut by max_tokens without a box is no_answer, and says so", () => {
    expect(gradeSolution("We start by adding", "4", "length")).toMatchObject({ verdict: "no_answer", extractedAnswer: null, verdictRule: "truncated", verdictReason: expect.stringContaining("max_tokens") });
  });
  it("without gold (labels) the verdict waits, but the answer key is kept for the vote", () => {
    expect(gradeSolution("\\boxed{4}", null, "stop")).toMatchObject({ verdict: "ungraded", extractedAnswer: "4", answerKey: "4" });
  });
});

describe("createRequestBuilder", () => {
  const sampling = { temperature: 1, topP: 0.95, maxTokens: 2048, seedBase: 1000 };
  it("sends the recipe's completion prompt with seed = seedBase + sampleIndex", () => {
    const built = createRequestBuilder({ template: SOLUTION_COMPLETION_TEMPLATE, ...sampling })(request);
    expect(built).toMatchObject({ seed: 1003, temperature: 1, topP: 0.95, maxTokens: 2048, stop: ["\n\n\n\n\n\n"] });
    expect(built.prompt).toContain("Problem:\nWhat is 2 + 2?\n\nSolution:\n");
    // GSM8K-style problem: the five GSM8K examples.
    expect(built.prompt?.split("Problem:").length).toBe(7);
  });
  it("chat templates send messages; the judge asks the pair in the row's order", () => {
    expect(createRequestBuilder({ template: SOLUTION_CHAT_TEMPLATE, ...sampling })(request).messages?.[0]?.content).toContain("What is 2 + 2?");
    const judge = createRequestBuilder({ template: JUDGE_TEMPLATE, ...sampling, temperature: 0 });
    const forward = judge({ ...request, sampleIndex: 0 }).messages?.[0]?.content ?? "";
    const backward = judge({ ...request, sampleIndex: 1 }).messages?.[0]?.content ?? "";
    expect(forward.indexOf("What is 2 + 2?")).toBeLessThan(forward.indexOf("What is two plus two?"));
    expect(backward.indexOf("What is two plus two?")).toBeLessThan(backward.indexOf("What is 2 + 2?"));
  });
});

describe("batch stats", () => {
  it("adds counts, keeps the latest error message, bounds latencies, checkpoints once a second", () => {
    let stats = mergeStats({}, { errors: { server: { count: 2, message: "a", at: "t1" } }, latencies: Array(150).fill(5) }, { at: 1000, done: 10 });
    stats = mergeStats(stats, { errors: { server: { count: 1, message: "b", at: "t2" } }, latencies: Array(100).fill(7) }, { at: 1500, done: 20 });
    stats = mergeStats(stats, {}, { at: 3000, done: 50 });
    expect(stats.errors?.server).toEqual({ count: 3, message: "b", at: "t2" });
    expect(stats.latencies).toHaveLength(200);
    expect(stats.recent).toEqual([
      [1000, 20],
      [3000, 50],
    ]);
    expect(recentRate(stats.recent, 3000)).toBeCloseTo(15);
    expect(recentRate(stats.recent, 60_000)).toBe(0);
  });
});

describe("Batch API lines", () => {
  it("writes input lines with custom_id, url and an OpenAI body", () => {
    const line = JSON.parse(batchApiInputLine(42, "m", { prompt: "P", stop: ["x"], seed: 1, temperature: 1, topP: 0.95, maxTokens: 9 }));
    expect(line).toEqual({ custom_id: "42", method: "POST", url: "/v1/completions", body: { model: "m", prompt: "P", stop: ["x"], seed: 1, temperature: 1, top_p: 0.95, max_tokens: 9 } });
    expect(JSON.parse(batchApiInputLine(1, "m", { messages: [{ role: "user", content: "hi" }] })).url).toBe("/v1/chat/completions");
  });
  it("reads results and errors, and names what is wrong with a bad line", () => {
    expect(parseBatchApiOutputLine(JSON.stringify({ custom_id: "5", response: { status_code: 200, body: { choices: [{ message: { content: "ok" }, finish_reason: "stop" }], usage: { prompt_tokens: 3, completion_tokens: 1 } } } }), "chat")).toEqual({
      requestId: 5,
      ok: true,
      text: "ok",
      finishReason: "stop",
      promptTokens: 3,
      completionTokens: 1,
    });
    expect(parseBatchApiOutputLine(JSON.stringify({ custom_id: "5", response: { status_code: 429, body: {} } }), "chat")).toMatchObject({ ok: false, error: { kind: "rate-limit", retryable: true } });
    expect(() => parseBatchApiOutputLine(JSON.stringify({ custom_id: "x5" }), "chat")).toThrow(BatchApiLineError);
    expect(() => parseBatchApiOutputLine(JSON.stringify({ custom_id: "5", response: { status_code: 200, body: { choices: [{ text: "t" }] } } }), "chat")).toThrow(/message\.content must be a string/);
  });
});

describe("VerdictCache", () => {
  it("gives the same verdicts as checkAnswer", async () => {
    const { VerdictCache } = await import("@/lib/generation/worker/grade-solution");
    const cache = new VerdictCache(2);
    for (const [gold, answer] of [["0.5", "\\frac12"], ["3", "4"], ["0.5", "\\frac12"], ["x=1", "1"]] as const) {
      expect(gradeSolution(`\\boxed{${answer}}`, gold, "stop", cache)).toEqual(gradeSolution(`\\boxed{${answer}}`, gold, "stop"));
    }
  });
});
