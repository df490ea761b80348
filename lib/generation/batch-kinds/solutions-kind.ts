// Solutions for problems with known answers: each graded against the gold answer as it lands.
import { sampleKind } from "@/lib/generation/batch-kinds/sample-kinds";

export const solutionsKind = sampleKind({
  name: "solutions",
  title: "Solutions for problems with known answers",
  templateKinds: ["solution-completion", "solution-chat"],
  // The recipe used 512 and 64; a first look needs fewer.
  defaultSamples: 8,
  selection: "problems of the set with a gold answer",
  where: "AND gold_answer IS NOT NULL",
  defaultTemplateName: async (_setId, endpoint) => (endpoint.apiStyle === "completions" ? "openmath-base-completion" : "openmath-chat-solution"),
  typicalCompletionsFromSet: true,
  grading: "gold",
  storesSamples: true,
  lockProblemsFirst: false,
});
