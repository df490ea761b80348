// Protects: a batch whose every request failed ends `failed`, and its reason names the error that
// failed the most requests for good, with the endpoint's latest message.
import { describe, expect, it } from "vitest";
import { failureReason } from "@/lib/generation/batches/final-state";

describe("failureReason", () => {
  it("names the error that failed the most requests, with its message", () => {
    const stats = {
      errors: { timeout: { count: 9, message: "no answer in 30 s", at: "t" }, http_401: { count: 4, message: "401 Unauthorized: invalid api key", at: "t" } },
      failedFinal: { http_401: 4, timeout: 1 },
    };
    expect(failureReason(stats, 5)).toBe("4 of 5 requests failed with http_401: 401 Unauthorized: invalid api key");
  });

  it("falls back to the most frequent error, or to the count alone", () => {
    expect(failureReason({ errors: { connection: { count: 3, message: "ECONNREFUSED 127.0.0.1:9", at: "t" } } }, 3)).toBe("connection: ECONNREFUSED 127.0.0.1:9");
    expect(failureReason({}, 12)).toBe("all 12 requests failed");
    expect(failureReason({}, 0)).toBeNull();
  });
});
