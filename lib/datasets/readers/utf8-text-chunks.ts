import { ImportError } from "@/lib/datasets/formats/import-error";
import { completePrefixLength, countNewlines, firstInvalidUtf8 } from "@/lib/datasets/readers/utf8-validation";

// Strict UTF-8 decoding of a byte stream into text chunks. Each chunk is cut at the last complete
// character and the 1-3 byte tail carried into the next, so a character split across a chunk
// boundary decodes correctly, while a genuinely bad byte is reported with its file offset and
// line. A leading BOM is dropped; a U+FEFF anywhere else is content and is kept (ignoreBOM).

function invalidUtf8(file: string, bytes: Uint8Array, startOffset: number, linesBefore: number): ImportError {
  const at = Math.max(0, firstInvalidUtf8(bytes));
  const byteOffset = startOffset + at;
  const line = linesBefore + countNewlines(bytes, at) + 1;
  return new ImportError({
    code: "invalid-utf8",
    file,
    byteOffset,
    value: Buffer.from(bytes.subarray(at, at + 4)).toString("hex"),
    detail: `invalid UTF-8 at byte ${byteOffset} (line ${line})`,
  });
}

export async function* decodeUtf8Strict(chunks: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let carry: Uint8Array | null = null;
  let offset = 0; // file offset of the first byte of the next buffer handed to the decoder
  let lines = 0; // newlines before `offset`
  let atStart = true;
  for await (const chunk of chunks) {
    const bytes: Uint8Array = carry ? Buffer.concat([carry, chunk]) : chunk;
    const cut = completePrefixLength(bytes);
    const body = bytes.subarray(0, cut);
    carry = cut < bytes.length ? bytes.slice(cut) : null;
    let text: string;
    try {
      text = decoder.decode(body);
    } catch {
      // Hand on the valid text before the bad byte first, so a dry run still sees (and reports
      // problems in) the complete lines that precede it in this chunk.
      const at = Math.max(0, firstInvalidUtf8(body));
      if (at > 0) yield decoder.decode(body.subarray(0, at));
      throw invalidUtf8(file, body, offset, lines);
    }
    offset += body.length;
    lines += countNewlines(body);
    if (atStart && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      atStart = false;
    }
    if (text.length > 0) yield text;
  }
  // A multi-byte sequence cut off by the end of the file.
  if (carry) throw invalidUtf8(file, carry, offset, lines);
}
