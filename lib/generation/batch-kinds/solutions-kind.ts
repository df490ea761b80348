// Solutions for problems with known answers: each graded against the gold answer as it lands.
import { SOLUTION_TEMPLATES, sampleKind } from "@/lib/generation/batch-kinds/sample-kinds";

export const solutionsKind = sampleKind({
  name: "solutions",
  title: "Solutions for problems with known answers",
  ...SOLUTION_TEMPLATES,
  // The recipe used 512 and 64; a first look needs fewer.
  defaultSamples: 8,
  problems: { described: "problems of the set with a gold answer", where: "AND gold_answer IS NOT NULL" },
  grading: "gold",
});
