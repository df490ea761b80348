// An uploaded file, streamed from the request body to BOXED_HOME/uploads/<random>/<file name>:
// never held in memory whole (pipeline with backpressure), whatever its size. The directory
// is the upload's own, so the importer's messages name the user's file and cleanup is one rm.
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { boxedHome } from "@/lib/db/boxed-home";

/** A safe file name: the last path component, without control or path characters. */
export function safeUploadName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? "";
  const cleaned = last.replace(/[^\p{L}\p{N}._ -]/gu, "_").replace(/^\.+/, "").slice(0, 120);
  return cleaned || "upload.jsonl";
}

export async function receiveUpload(body: ReadableStream<Uint8Array> | null, name: string): Promise<{ path: string; bytes: number }> {
  const dir = join(boxedHome(), "uploads", randomBytes(8).toString("hex"));
  await mkdir(dir, { recursive: true });
  const path = join(dir, safeUploadName(name));
  try {
    const source = body ? Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>) : Readable.from([]);
    await pipeline(source, createWriteStream(path));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { path, bytes: (await stat(path)).size };
}
