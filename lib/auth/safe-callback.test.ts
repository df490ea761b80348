// Protects: after sign-in only a path of this site is followed, whatever form a hostile
// callbackUrl takes. The forms are what the browser's own URL parser turns into another host.
import { describe, expect, it } from "vitest";
import { HOSTILE_CALLBACKS } from "@/lib/auth/hostile-callbacks";
import { safeCallbackPath } from "@/lib/auth/safe-callback";

const ORIGIN = "http://studio.example:3000";

describe("safeCallbackPath", () => {
  it.each([
    ...HOSTILE_CALLBACKS,
    // Forms that name this test's origin.
    "http://studio.example:3000@evil.example/",
    "http://user:pass@studio.example:3000/",
    "http://studio.example:3001/",
    "https://studio.example:3000/",
    "x".repeat(3_000),
    "",
  ])("sends %j to /", (raw) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe("/");
  });

  it("keeps paths of this site, as parsed (never the raw text)", () => {
    expect(safeCallbackPath("/batches?x=1#top", ORIGIN)).toBe("/batches?x=1#top");
    expect(safeCallbackPath("http://studio.example:3000/solutions?problem=3", ORIGIN)).toBe("/solutions?problem=3");
    expect(safeCallbackPath("/a/../b", ORIGIN)).toBe("/b");
    // An encoded slash or tab stays encoded: a path on this site, not a host.
    expect(safeCallbackPath("/%2F%2Fevil.example", ORIGIN)).toBe("/%2F%2Fevil.example");
    expect(safeCallbackPath("/%09/evil.example", ORIGIN)).toBe("/%09/evil.example");
    // A relative path resolves against the origin's root.
    expect(safeCallbackPath("batches", ORIGIN)).toBe("/batches");
    expect(safeCallbackPath(["/x"], ORIGIN)).toBe("/");
    expect(safeCallbackPath(undefined, ORIGIN)).toBe("/");
  });
});
