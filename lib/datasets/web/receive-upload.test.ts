import { describe, expect, it } from "vitest";
import { safeUploadName } from "@/lib/datasets/web/receive-upload";

describe("safeUploadName", () => {
  it("keeps the last path component and replaces unsafe characters", () => {
    expect(safeUploadName("../../etc/passwd")).toBe("passwd");
    expect(safeUploadName("C:\\data\\train set.jsonl")).toBe("train set.jsonl");
    expect(safeUploadName("a\u0000b;rm -rf.jsonl")).toBe("a_b_rm -rf.jsonl");
    expect(safeUploadName("..")).toBe("upload.jsonl");
    expect(safeUploadName("Ünïcode.csv")).toBe("Ünïcode.csv");
  });
});
