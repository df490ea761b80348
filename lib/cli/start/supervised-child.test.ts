import { describe, expect, it } from "vitest";
import { describeExit, restartDelayMs } from "@/lib/cli/start/supervised-child";

describe("restartDelayMs", () => {
  it("doubles with each quick failure from 1 s and stops at 30 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => restartDelayMs(n))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
  it("names a signal before a code", () => {
    expect(describeExit(null, "SIGKILL")).toBe("signal SIGKILL");
    expect(describeExit(1, null)).toBe("code 1");
  });
});
