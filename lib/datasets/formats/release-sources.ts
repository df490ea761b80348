// The four `problem_source` values of the OpenMathInstruct-2 release. A trainer or a comparison
// with the release expects exactly these; anything else (a set name, a user's label) is worth a
// note in an export's manifest.

export const RELEASE_SOURCES = ["gsm8k", "math", "augmented_gsm8k", "augmented_math"] as const;

export function isReleaseSource(source: string): boolean {
  return (RELEASE_SOURCES as readonly string[]).includes(source);
}

/** New problems written by question augmentation: their label can only come from a vote. */
export function isAugmentedSource(source: string | undefined): boolean {
  return source?.startsWith("augmented_") === true;
}
