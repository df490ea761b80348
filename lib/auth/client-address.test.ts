// Protects: the sign-in throttle's client address is the socket's peer unless the operator says how
// many proxies of theirs stand in front; a client's own X-Forwarded-For entries are never believed.
import { describe, expect, it } from "vitest";
import { clientAddressOf, stampedClientAddress, trustedProxyHops, UNKNOWN_ADDRESS } from "@/lib/auth/client-address";

describe("clientAddressOf", () => {
  it("is the peer with no trusted hops, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf("10.0.0.5", "203.0.113.9", 0)).toBe("10.0.0.5");
    expect(clientAddressOf("::ffff:10.0.0.5", ["1.1.1.1, 2.2.2.2", "3.3.3.3"], 0)).toBe("10.0.0.5");
    expect(clientAddressOf("::1", undefined, 0)).toBe("::1");
  });

  it("with N trusted proxies, is the address N hops from the right (what the outermost proxy saw)", () => {
    // client → proxy A (appends client) → proxy B (appends A) → Boxed (peer = B)
    expect(clientAddressOf("10.0.0.2", "198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddressOf("10.0.0.2", "forged-by-client, 198.51.100.7, 10.0.0.1", 2)).toBe("198.51.100.7");
    // Forged entries to the left are never reached.
    expect(clientAddressOf("10.0.0.2", "6.6.6.6, 7.7.7.7, 198.51.100.7", 1)).toBe("198.51.100.7");
    // More trusted hops than entries: the leftmost there is (the proxy chain is shorter than said).
    expect(clientAddressOf("10.0.0.2", "198.51.100.7", 5)).toBe("198.51.100.7");
    expect(clientAddressOf("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
  });

  it("names an unknown client when there is nothing to go on", () => {
    expect(clientAddressOf(undefined, undefined, 0)).toBe(UNKNOWN_ADDRESS);
    expect(stampedClientAddress({})).toBe(UNKNOWN_ADDRESS);
    expect(stampedClientAddress({ "x-boxed-client-address": "10.1.1.1" })).toBe("10.1.1.1");
    expect(stampedClientAddress(new Headers({ "x-boxed-client-address": "10.1.1.2" }))).toBe("10.1.1.2");
  });
});

describe("BOXED_TRUSTED_PROXY_HOPS", () => {
  it("defaults to 0 and refuses what is not a small whole number", () => {
    const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;
    expect(trustedProxyHops(env({}))).toBe(0);
    expect(trustedProxyHops(env({ BOXED_TRUSTED_PROXY_HOPS: "2" }))).toBe(2);
    for (const bad of ["-1", "1.5", "many", "11"]) expect(() => trustedProxyHops(env({ BOXED_TRUSTED_PROXY_HOPS: bad }))).toThrow(/BOXED_TRUSTED_PROXY_HOPS must be a whole number/);
  });
});
