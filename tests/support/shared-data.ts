// The shared benchmark/training files live outside the product (../shared/data beside the
// checkout, or BOXED_SHARED_DIR). A user's fresh clone has none: tests that need them are skipped
// there with the reason, and always run in CI, where shared/ sits beside the clone.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readSetting } from "@/lib/settings/read-settings";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const sharedDir = readSetting("BOXED_SHARED_DIR") ?? join(repoRoot, "..", "shared");
export const hasSharedData = existsSync(join(sharedDir, "data", "SOURCES.md"));
export const sharedDataPath = (...parts: string[]) => join(sharedDir, "data", ...parts);
export const sharedGraderPath = (...parts: string[]) => join(sharedDir, "grader", ...parts);

/** The rows of a shared JSONL file (../shared/data/<parts>), parsed. */
export const readSharedJsonl = <T>(...parts: string[]): T[] =>
  readFileSync(sharedDataPath(...parts), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as T);
