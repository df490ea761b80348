// Test helper: write throwaway input files into a fresh temp directory.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "boxed-datasets-"));
}

export function tempFile(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
