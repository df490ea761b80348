// Protects: addresses no page can use are recognised before any page runs (proxy.ts answers 400).
import { describe, expect, it } from "vitest";
import { unusableAddress } from "@/lib/http/nul-guard";
import { parseDbId } from "@/lib/http/parse-id";

const at = (path: string) => new URL(path, "http://studio.example");

describe("unusableAddress", () => {
  it.each(["/solutions?pq=a%00b", "/solutions?%00=1", "/problems/1%00", "/batches/%C0%80", "/review/%FF%FE/report", "/x/%E0%A4%A"])("refuses %s", (path) => {
    expect(unusableAddress(at(path))).not.toBeNull();
  });
  it.each(["/solutions?pq=%C0%80", "/problems/12", "/solutions?pq=%E6%95%B0%E5%AD%A6", "/a%20b"])("passes %s", (path) => {
    expect(unusableAddress(at(path))).toBeNull();
  });
});

describe("parseDbId", () => {
  it("reads plain digits from 1 to 2^31-1, nothing else", () => {
    expect(parseDbId("1")).toBe(1);
    expect(parseDbId(["42", "7"])).toBe(42);
    expect(parseDbId("2147483647")).toBe(2_147_483_647);
    for (const bad of ["2147483648", "99999999999", "0", "-1", "1e3", "1.5", "0x10", " ", "", "abc", "1e308", "9".repeat(400), undefined, null, 3.5]) {
      expect(parseDbId(bad), String(bad)).toBeNull();
    }
  });
});
