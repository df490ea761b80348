// ZSTD pages of Parquet files through the reference zstd library compiled to WebAssembly
// (@bokuweb/zstd-wasm, no native build). hyparquet-compressors decodes ZSTD with fzstd, a pure
// JavaScript port that spent two thirds of the time of reading an OMI2-shaped release; the
// WebAssembly build decodes the same pages in less than half the time (`npm run bench -- load`).
// Anything it cannot decode (a frame without its content size larger than the page says, a
// library that failed to load) goes to fzstd, so a file reads the same either way.
import { decompress as wasmDecompress, init } from "@bokuweb/zstd-wasm";
import { compressors } from "hyparquet-compressors";

// hyparquet-compressors always has ZSTD; the type says any codec may be missing.
const fzstd = compressors.ZSTD as NonNullable<typeof compressors.ZSTD>;

let loading: Promise<boolean> | null = null;
let loaded = false;

/** Loads the WebAssembly module once per process; false (fzstd is used) if it cannot load. */
export function loadZstd(): Promise<boolean> {
  loading ??= init().then(
    () => {
      loaded = true;
      return true;
    },
    () => false,
  );
  return loading;
}

/** Decompresses one page whose uncompressed size the page header gives. */
export function decompressZstdPage(input: Uint8Array, outputLength: number): Uint8Array {
  if (loaded) {
    try {
      const output = wasmDecompress(input, { defaultHeapSize: outputLength });
      if (output.length === outputLength) return output;
    } catch {
      // Decoded below; fzstd names the problem if the page really is corrupt.
    }
  }
  return fzstd(input, outputLength);
}
