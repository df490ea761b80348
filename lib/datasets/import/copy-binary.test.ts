import { describe, expect, it } from "vitest";
import { type CopyColumn, CopyValueError, maxRowBytes, writeRow } from "@/lib/datasets/import/copy-binary";

const columns: CopyColumn[] = [
  { name: "id", type: "int4" },
  { name: "text", type: "text" },
  { name: "ok", type: "bool" },
];

function encode(values: Parameters<typeof writeRow>[3]): Buffer {
  const buffer = Buffer.alloc(maxRowBytes(values));
  return buffer.subarray(0, writeRow(buffer, 0, columns, values));
}

describe("binary COPY rows", () => {
  it("writes the column count, then each value's byte length and bytes (UTF-8, big-endian integers)", () => {
    expect(encode([-2, "é\\\n", true]).toString("hex")).toBe(
      ["0003", "00000004", "fffffffe", "00000004", "c3a95c0a", "00000001", "01"].join(""),
    );
  });

  it("writes NULL as length -1, and keeps the empty string apart from it", () => {
    expect(encode([null, "", undefined]).toString("hex")).toBe(["0003", "ffffffff", "00000000", "ffffffff"].join(""));
  });

  it("never needs more than maxRowBytes, whatever the characters", () => {
    const text = "😀∑\u00e9a".repeat(1000);
    expect(encode([1, text, false]).length).toBeLessThanOrEqual(maxRowBytes([1, text, false]));
  });

  it("refuses a value its column cannot hold, naming the column", () => {
    expect(() => encode([2 ** 31, "x", true])).toThrow(CopyValueError);
    expect(() => encode([1.5, "x", true])).toThrow(/column "id" \(int4\)/);
    expect(() => encode([1, 5, true])).toThrow(/column "text" \(text\): expected a string/);
    expect(() => encode([1, "x", "t"])).toThrow(/column "ok"/);
  });
});
