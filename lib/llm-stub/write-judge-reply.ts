// The LLM-judge reply of the decontamination step. Identical problems (ignoring case, spacing and
// punctuation) always get "True"; other pairs get "True" at the configured rate, decided by the
// unordered pair so both orders agree. A configured share of replies is malformed, so the
// "judge failed" path (recipe section 6, step 4) can be exercised.
import { createRandom, hashText, pickOne } from "@/lib/llm-stub/deterministic-random";

const MALFORMED_REPLIES = [
  "Yes, these look like the same problem.",
  "True. Both problems ask for the same quantity.",
  "I am not sure; the problems are similar but the numbers differ.",
  "",
  "**False**",
];

export interface JudgeBehaviour {
  /** Share of non-identical pairs judged the same. */
  trueRate: number;
  /** Share of replies that are not a bare True/False. */
  malformedRate: number;
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "");

export function writeJudgeReply(pair: [string, string] | undefined, prompt: string, behaviour: JudgeBehaviour): string {
  const key = pair ? [squash(pair[0]), squash(pair[1])].sort().join("\u0000") : squash(prompt);
  const random = createRandom(hashText(key, 0x51dec0de));
  if (random() < behaviour.malformedRate) return pickOne(random, MALFORMED_REPLIES);
  if (pair && squash(pair[0]) === squash(pair[1])) return "True";
  return random() < behaviour.trueRate ? "True" : "False";
}
