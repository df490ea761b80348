// The few-shot sets Boxed ships, as data the database seed inserts. Names are stable: templates
// and generation records refer to them.
import type { FewShotSet } from "@/lib/generation/few-shot/few-shot-types";
import { GSM8K_SOLUTION_EXAMPLES } from "@/lib/generation/few-shot/gsm8k-solution-examples";
import { INSPIRED_PROBLEM_PAIRS } from "@/lib/generation/few-shot/inspired-problem-pairs";
import { MATH_SOLUTION_EXAMPLES } from "@/lib/generation/few-shot/math-solution-examples";
import { SIMILAR_PROBLEM_PAIRS } from "@/lib/generation/few-shot/similar-problem-pairs";

export const DEFAULT_FEW_SHOT_SETS: readonly FewShotSet[] = [
  { name: "boxed-math-solutions", kind: "solution", description: "4 MATH-style worked solutions (algebra, counting, geometry, number theory)", examples: MATH_SOLUTION_EXAMPLES },
  { name: "boxed-gsm8k-solutions", kind: "solution", description: "5 GSM8K-style worked solutions", examples: GSM8K_SOLUTION_EXAMPLES },
  { name: "boxed-math-inspired-pairs", kind: "problem-pair", description: "MATH seeds: new problems inspired by the original, needing another approach", examples: INSPIRED_PROBLEM_PAIRS },
  { name: "boxed-gsm8k-similar-pairs", kind: "problem-pair", description: "GSM8K seeds: similar new problems", examples: SIMILAR_PROBLEM_PAIRS },
];
