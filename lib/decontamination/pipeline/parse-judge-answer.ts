// The judge's reply, read strictly. The published pipeline counted anything but "True" as clean,
// so malformed output silently passed contaminated problems (recipe section 6, step 4); here
// anything but a bare True/False is "failed", with the reason, for a person to review.
// Case and one trailing period are tolerated: "TRUE" and "False." are not ambiguous.

export type JudgeAnswer = { verdict: "true" | "false" } | { verdict: "failed"; why: string };

export function parseJudgeAnswer(text: string): JudgeAnswer {
  const reply = text.trim().replace(/\.$/, "").trim();
  if (/^true$/i.test(reply)) return { verdict: "true" };
  if (/^false$/i.test(reply)) return { verdict: "false" };
  if (reply === "") return { verdict: "failed", why: "the judge replied with nothing" };
  const shown = reply.length > 80 ? `${reply.slice(0, 80)}…` : reply;
  return { verdict: "failed", why: `expected only "True" or "False", got "${shown}"` };
}
