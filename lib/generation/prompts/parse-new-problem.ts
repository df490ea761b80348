// Reads the new problem out of a question-augmentation reply. Models often prefix "New problem:"
// or add a solution although asked not to; those are trimmed. Replies that cannot be a usable
// problem are rejected with a reason that is stored with the attempt.

export type NewProblemParse =
  | { ok: true; problem: string; /** What was trimmed, for the audit view. */ trimmed: string[] }
  | { ok: false; reason: "empty" | "too-long" | "truncated" | "same-as-original"; why: string };

export interface ParseNewProblemOptions {
  /** Longest accepted problem, in characters. */
  maxChars?: number;
  /** finish_reason of the reply: a reply cut by max_tokens is not a whole problem. */
  finishReason?: string;
  /** The seed problem: a reply that merely repeats it is not new. */
  original?: string;
}

// Both need a colon, so a problem that merely starts "New problem sets..." or has a line
// "Answer in simplest form." is left alone.
const PREFIX = /^(?:#+\s*|\*\*)?(?:new (?:math )?problem|here(?:'s| is) (?:a |the |my )?new (?:math )?problem[^:\n]*)\s*(?:\*\*)?\s*:\s*(?:\*\*)?\s*/i;
const TRAILING_SOLUTION = /\n\s*(?:\*\*)?(?:solution|answer)\s*(?:\*\*)?\s*:[\s\S]*$/i;

const squash = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

export function parseNewProblem(reply: string, options: ParseNewProblemOptions = {}): NewProblemParse {
  const maxChars = options.maxChars ?? 4000;
  if (options.finishReason === "length") {
    return { ok: false, reason: "truncated", why: "the reply was cut off by the token limit (finish_reason length)" };
  }
  const trimmed: string[] = [];
  let problem = reply.trim();
  for (let prefix = PREFIX.exec(problem); prefix && prefix[0].length > 0; prefix = PREFIX.exec(problem)) {
    trimmed.push(`prefix "${prefix[0].trim()}"`);
    problem = problem.slice(prefix[0].length).trim();
  }
  const solution = TRAILING_SOLUTION.exec(problem);
  if (solution && solution.index > 0) {
    trimmed.push("a solution after the problem");
    problem = problem.slice(0, solution.index).trim();
  }
  if (problem === "") return { ok: false, reason: "empty", why: "the reply holds no problem text" };
  if (problem.length > maxChars) {
    return { ok: false, reason: "too-long", why: `the problem has ${problem.length} characters; the limit is ${maxChars}` };
  }
  if (options.original !== undefined && squash(options.original) === squash(problem)) {
    return { ok: false, reason: "same-as-original", why: "the reply repeats the original problem" };
  }
  return { ok: true, problem, trimmed };
}
