// The stand-in reads prompts the way Boxed's own templates write them (lib/generation/prompts/):
// the problem to solve follows the last "Problem:", the seed of a problem-generation prompt follows
// the last "Original problem:", and a judge prompt names "First problem:" and "Second problem:".
// Foreign prompts still get an answer: the whole text is then treated as the problem.

export type PromptIntent = "solve" | "new-problem" | "judge";

// Instructions, not the words: a problem may well ask whether something is "true or false".
const JUDGE_MARKERS = [/answer only true or false/i, /(?:answer|respond|reply) (?:only )?with (?:only )?"?true"? or "?false"?/i];
const NEW_PROBLEM_MARKERS = [/\boriginal problem:/i, /write (?:a|another) new (?:math )?problem/i, /new problem:\s*$/i];

export function detectIntent(text: string): PromptIntent {
  if (JUDGE_MARKERS.some((re) => re.test(text))) return "judge";
  if (NEW_PROBLEM_MARKERS.some((re) => re.test(text))) return "new-problem";
  return "solve";
}

function textAfterLast(text: string, marker: RegExp): string | undefined {
  let last: RegExpExecArray | undefined;
  const global = new RegExp(marker.source, marker.flags.includes("g") ? marker.flags : `${marker.flags}g`);
  for (let m = global.exec(text); m; m = global.exec(text)) last = m;
  return last ? text.slice(last.index + last[0].length) : undefined;
}

/** The problem a solution prompt asks about: after the last "Problem:", before "Solution:". */
export function findProblemToSolve(text: string): string {
  const after = textAfterLast(text, /(?:^|\n)Problem:[ \t]*\n?/);
  const body = after ?? text;
  const end = body.search(/\n\s*Solution:/);
  return (end >= 0 ? body.slice(0, end) : body).trim();
}

/** The seed problem of a problem-generation prompt. */
export function findSeedProblem(text: string): string {
  const after = textAfterLast(text, /Original problem:[ \t]*\n?/i);
  if (after === undefined) return findProblemToSolve(text);
  const end = after.search(/\n\s*(?:New problem:|Write (?:a|another) new)/i);
  return (end >= 0 ? after.slice(0, end) : after).trim();
}

/** The two problems of a judge prompt, or undefined when the prompt does not label them. */
export function findJudgePair(text: string): [string, string] | undefined {
  const m = /First problem:\s*([\s\S]*?)\n\s*Second problem:\s*([\s\S]*?)(?=\n\s*\n(?:Ignore|Disregard|If the two|Answer only)|$)/i.exec(text);
  if (!m) return undefined;
  return [(m[1] ?? "").trim(), (m[2] ?? "").trim()];
}
