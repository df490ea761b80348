import { describe, expect, it } from "vitest";
import { safeUploadName } from "@/lib/datasets/upload/receive-upload";

describe("safeUploadName", () => {
  it("keeps the last path component and replaces unsafe characters", () => {
    const cases = [
      ["../../etc/passwd", "passwd"],
      ["C:\\data\\train set.jsonl", "train set.jsonl"],
      ["a\u0000b;rm -rf.jsonl", "a_b_rm -rf.jsonl"],
      ["..", "upload.jsonl"],
      ["Ünïcode.csv", "Ünïcode.csv"],
    ];
    for (const [name, safe] of cases) expect(safeUploadName(name), JSON.stringify(name)).toBe(safe);
  });
});
