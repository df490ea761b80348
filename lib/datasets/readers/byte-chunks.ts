import { createReadStream } from "node:fs";
import type { ReadProgress } from "@/lib/datasets/readers/read-progress";

// File bytes as an async iterable of chunks. `for await` over a ReadStream pulls on demand, so a
// slow consumer (the COPY loader) holds at most one chunk in flight: constant memory.

export const DEFAULT_CHUNK_BYTES = 1 << 20;

export async function* fileByteChunks(
  path: string,
  progress?: ReadProgress,
  chunkBytes = DEFAULT_CHUNK_BYTES,
): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: chunkBytes });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      progress?.addBytes(chunk.length);
      yield chunk;
    }
  } finally {
    stream.destroy();
  }
}
