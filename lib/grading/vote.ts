// Majority vote over sampled answers, used to label new problems (recipe section 3). The
// published recipe votes on exact strings; "equivalence" mode votes on classes of answers that
// checkAnswer finds equal (1/2, 0.5 and \frac{1}{2} are one class). Ties go to the class seen
// first, as in NeMo-Skills, so the result never depends on iteration order of a map.
import { checkAnswer } from "@/lib/grading/check";
import type { CheckOptions } from "@/lib/grading/check";
import { comparisonKey, normalizeAnswer } from "@/lib/grading/normalize";

export interface VoteOptions {
  mode?: "equivalence" | "exact";
  checkOptions?: CheckOptions;
}

export interface VoteClass {
  /** The first answer of the class, as written. */
  representative: string;
  count: number;
  /** Indices into the input, ascending. */
  members: number[];
}

export interface VoteResult {
  /** Largest first; equal counts keep first-seen order. */
  classes: VoteClass[];
  winner: string | null;
  winnerVotes: number;
  /** Answers that were not null. */
  totalVotes: number;
  /** winnerVotes / totalVotes, 0 when there are no votes. */
  agreement: number;
}

export function voteAnswers(answers: (string | null)[], options: VoteOptions = {}): VoteResult {
  const mode = options.mode ?? "equivalence";
  // Identical strings (or identical normalised forms) need no check: group them first, so the
  // quadratic pass below only runs over distinct forms.
  const byKey = new Map<string, VoteClass>();
  const classes: VoteClass[] = [];
  answers.forEach((answer, index) => {
    if (answer === null) return;
    const key = mode === "exact" ? answer : comparisonKey(normalizeAnswer(answer, { strict: options.checkOptions?.strict }));
    const known = byKey.get(key);
    if (known) {
      known.count++;
      known.members.push(index);
      return;
    }
    const fresh = { representative: answer, count: 1, members: [index] };
    byKey.set(key, fresh);
    classes.push(fresh);
  });
  const merged = mode === "exact" ? classes : mergeEquivalent(classes, options.checkOptions);
  const ranked = merged.map((c, order) => ({ c, order })).sort((a, b) => b.c.count - a.c.count || a.order - b.order).map((x) => x.c);
  const totalVotes = answers.filter((a) => a !== null).length;
  const winner = ranked[0] ?? null;
  return {
    classes: ranked,
    winner: winner?.representative ?? null,
    winnerVotes: winner?.count ?? 0,
    totalVotes,
    agreement: totalVotes === 0 ? 0 : (winner?.count ?? 0) / totalVotes,
  };
}

/** Folds each class into the first earlier class whose representative checks equal to it. */
function mergeEquivalent(classes: VoteClass[], checkOptions?: CheckOptions): VoteClass[] {
  const out: VoteClass[] = [];
  for (const candidate of classes) {
    const home = out.find((c) => checkAnswer(c.representative, candidate.representative, checkOptions).outcome === "equal");
    if (!home) {
      out.push({ ...candidate, members: [...candidate.members] });
      continue;
    }
    home.count += candidate.count;
    home.members = [...home.members, ...candidate.members].sort((a, b) => a - b);
  }
  return out;
}
