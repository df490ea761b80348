import { describe, expect, it } from "vitest";
import { ImportError } from "@/lib/datasets/formats/import-error";
import { splitLines } from "@/lib/datasets/readers/line-splitter";
import { decodeUtf8Strict } from "@/lib/datasets/readers/utf8-text-chunks";
import { completePrefixLength, firstInvalidUtf8 } from "@/lib/datasets/readers/utf8-validation";

async function* chunksOf(...parts: (number[] | string)[]) {
  for (const part of parts) yield typeof part === "string" ? Buffer.from(part, "utf8") : Uint8Array.from(part);
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const decodeAll = async (...parts: (number[] | string)[]) => (await collect(decodeUtf8Strict(chunksOf(...parts), "f.jsonl"))).join("");

describe("strict UTF-8 decoding across chunk boundaries", () => {
  it("reassembles 2-, 3- and 4-byte characters split at every position", async () => {
    for (const ch of ["é", "€", "😀"]) {
      const bytes = [...Buffer.from(`a${ch}b`, "utf8")];
      for (let cut = 1; cut < bytes.length; cut++) {
        expect(await decodeAll(bytes.slice(0, cut), bytes.slice(cut))).toBe(`a${ch}b`);
      }
      // one byte per chunk
      expect(await decodeAll(...bytes.map((b) => [b]))).toBe(`a${ch}b`);
    }
  });

  it("strips a leading BOM only", async () => {
    expect(await decodeAll([0xef, 0xbb], [0xbf, 0x61], "\uFEFFb")).toBe("a\uFEFFb");
  });

  it("reports the byte offset and line of an invalid byte in a later chunk", async () => {
    const run = decodeAll("ab\ncd\n", [0x65, 0x0a, 0x66, 0xff, 0x67]);
    await expect(run).rejects.toThrow("f.jsonl: invalid UTF-8 at byte 9 (line 4)");
    await expect(run).rejects.toMatchObject({ code: "invalid-utf8", byteOffset: 9 });
  });

  it("reports a sequence cut off by the end of the file", async () => {
    await expect(decodeAll("x\ny", [0xe2, 0x82])).rejects.toThrow("invalid UTF-8 at byte 3 (line 2)");
  });

  it("reports a bad continuation byte after a split lead byte", async () => {
    await expect(decodeAll("ok", [0xc3], [0x41])).rejects.toThrow("invalid UTF-8 at byte 2 (line 1)");
  });

  it("rejects overlongs and surrogates", () => {
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from("héllo €😀"))).toBe(-1);
    expect(completePrefixLength(Uint8Array.from([0x61, 0xf0, 0x9f]))).toBe(1);
    expect(completePrefixLength(Buffer.from("a😀"))).toBe(5);
  });

  it("throws ImportError instances", async () => {
    await expect(decodeAll([0xff])).rejects.toBeInstanceOf(ImportError);
  });
});

describe("line splitter", () => {
  async function* texts(...parts: string[]) {
    yield* parts;
  }

  it("numbers lines across chunks, handles CRLF, blank lines and no final newline", async () => {
    const counters = { blankLines: 0 };
    const lines = await collect(splitLines(texts("a\r\nb", "b\n\n  \r\nc", "c"), counters));
    expect(lines).toEqual([
      { text: "a", line: 1 },
      { text: "bb", line: 2 },
      { text: "cc", line: 5 },
    ]);
    expect(counters.blankLines).toBe(2);
  });

  it("keeps a line longer than many chunks", async () => {
    const lines = await collect(splitLines(texts(..."x".repeat(1000).split(""), "\n")));
    expect(lines).toEqual([{ text: "x".repeat(1000), line: 1 }]);
  });
});
