// Long texts on pages: a page reads and renders only the first TEXT_PREVIEW_CHARS characters of a
// problem or solution (PostgreSQL cuts them with substr, so the web server never holds the whole
// value) and says how big the whole is; the whole is a download (streamFullText) read in chunks.
// One 200 MB problem opened by six viewers once drove the web server to 5.2 GB.
import { Transform } from "node:stream";
import { Readable } from "node:stream";
import { to as copyTo } from "pg-copy-streams";
import { pool } from "@/lib/db/pool";

/** Characters of a text a page shows; the rest is a download. Real solutions are far shorter. */
export const TEXT_PREVIEW_CHARS = 20_000;

export interface TextHead {
  /** The first TEXT_PREVIEW_CHARS characters. */
  head: string;
  /** Size of the whole text in UTF-8 bytes (cheap for PostgreSQL: no need to read the value). */
  bytes: number;
  /** Whether head is only the beginning. */
  truncated: boolean;
}

export type LongTextKind = "problem" | "sample";

const TABLE: Record<LongTextKind, string> = { problem: "problems", sample: "samples" };

export function toTextHead(head: string, bytes: number): TextHead {
  return { head, bytes, truncated: Buffer.byteLength(head, "utf8") < bytes };
}

/** The head of one problem's or solution's text, or null when there is no such row. */
export async function readTextHead(kind: LongTextKind, id: number): Promise<TextHead | null> {
  const { rows } = await pool().query<{ head: string; bytes: number }>(`SELECT substr(text, 1, $2) AS head, octet_length(text)::int8::float8 AS bytes FROM ${TABLE[kind]} WHERE id = $1`, [
    id,
    TEXT_PREVIEW_CHARS,
  ]);
  return rows[0] ? toTextHead(rows[0].head, Number(rows[0].bytes)) : null;
}

// Binary COPY of one text column of one row: a 19-byte header, an int16 column count and an int32
// length (25 bytes before the text), and an int16 trailer after it. The text's bytes pass through
// unchanged; the header and trailer are dropped.
const BEFORE = 25;
const AFTER = 2;

function textOfBinaryCopy(): Transform {
  let skipped = 0;
  let held = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let data = chunk;
      if (skipped < BEFORE) {
        const skip = Math.min(BEFORE - skipped, data.length);
        skipped += skip;
        data = data.subarray(skip);
      }
      const all = held.length ? Buffer.concat([held, data]) : data;
      const keep = Math.min(AFTER, all.length);
      held = Buffer.from(all.subarray(all.length - keep));
      const out = all.subarray(0, all.length - keep);
      done(null, out.length ? out : undefined);
    },
  });
}

/** The whole text as a byte stream (UTF-8), or null when there is no such row. Constant memory here. */
export async function streamFullText(kind: LongTextKind, id: number): Promise<ReadableStream<Uint8Array> | null> {
  if (!Number.isInteger(id)) return null;
  const client = await pool().connect();
  let released = false;
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    client.release(error);
  };
  try {
    const { rowCount } = await client.query(`SELECT 1 FROM ${TABLE[kind]} WHERE id = $1`, [id]);
    if (!rowCount) {
      release();
      return null;
    }
    // COPY takes no parameters; id is a checked integer.
    const copy = client.query(copyTo(`COPY (SELECT text FROM ${TABLE[kind]} WHERE id = ${id}) TO STDOUT (FORMAT binary)`));
    const text = copy.pipe(textOfBinaryCopy());
    copy.on("error", (error) => {
      release(error);
      text.destroy(error);
    });
    copy.on("end", () => release());
    text.on("close", () => {
      if (!released) {
        copy.destroy();
        release(new Error("download abandoned"));
      }
    });
    return Readable.toWeb(text) as ReadableStream<Uint8Array>;
  } catch (error) {
    release(error as Error);
    throw error;
  }
}
