import { describe, expect, it } from "vitest";
import { decryptApiKey, encryptApiKey, secretKeyFrom } from "@/lib/generation/endpoints/endpoint-secrets";

describe("endpoint API keys at rest", () => {
  it("round-trips with the same secret, with a fresh IV each time", () => {
    const a = encryptApiKey("sk-abc", "secret-1");
    const b = encryptApiKey("sk-abc", "secret-1");
    expect(a).not.toBe(b);
    expect(a).not.toContain("sk-abc");
    expect(decryptApiKey(a, "secret-1")).toBe("sk-abc");
  });

  it("refuses another secret or a tampered value with a message saying what to do", () => {
    const stored = encryptApiKey("sk-abc", "secret-1");
    expect(() => decryptApiKey(stored, "secret-2")).toThrow(/cannot be decrypted with this BOXED_SECRET_KEY/);
    const [v, iv, tag, body] = stored.split(":");
    const flipped = `${body?.[0] === "A" ? "B" : "A"}${body?.slice(1)}`;
    expect(() => decryptApiKey([v, iv, tag, flipped].join(":"), "secret-1")).toThrow(/cannot be decrypted/);
    expect(() => decryptApiKey("plain", "secret-1")).toThrow(/unknown format/);
  });

  it("needs BOXED_SECRET_KEY or the file `boxed start` writes", () => {
    expect(secretKeyFrom({ BOXED_SECRET_KEY: "x" } as unknown as NodeJS.ProcessEnv)).toBe("x");
    expect(() => secretKeyFrom({ BOXED_HOME: "/nonexistent-boxed-home" } as unknown as NodeJS.ProcessEnv)).toThrow(/BOXED_SECRET_KEY is not set/);
  });
});
