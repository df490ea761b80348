import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEndpoint } from "@/lib/generation/llm-client/test-endpoint";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";

let stub: LlmStub;
beforeAll(async () => {
  stub = await startLlmStub({ requireApiKey: "k" });
});
afterAll(() => stub.close());

describe("testEndpoint", () => {
  it("returns the reply of one tiny request, for both APIs", async () => {
    for (const api of ["completions", "chat"] as const) {
      const result = await testEndpoint({ baseUrl: stub.url, apiKey: "k", model: "m", api, timeoutMs: 5000 });
      expect(result).toMatchObject({ ok: true, model: "boxed-stand-in" });
      expect(result.ok && result.text).toContain("\\boxed{");
    }
    expect(stub.stats().totalRequests).toBe(2);
  });

  it("returns the exact, classified error", async () => {
    const result = await testEndpoint({ baseUrl: stub.url, apiKey: "nope", model: "m", api: "chat", timeoutMs: 5000 });
    expect(result).toMatchObject({ ok: false, error: { kind: "auth", status: 401, message: expect.stringContaining("Incorrect API key") } });
  });
});
