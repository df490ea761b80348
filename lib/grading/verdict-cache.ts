// Verdicts by (gold, extracted answer). A problem's N solutions mostly repeat a few answers (the
// OpenMathInstruct-2 release: 23 per problem), and checkAnswer is pure, so every grader that
// works through many solutions keeps one of these (the batch worker, the import grading job).
// Timeouts are never kept: they may pass on a quieter machine.
import { checkAnswer, type Verdict } from "@/lib/grading/check";

export class VerdictCache {
  private readonly verdicts = new Map<string, Verdict>();
  constructor(private readonly size = 20_000) {}
  check(gold: string, answer: string): Verdict {
    const key = `${gold}\u0000${answer}`;
    const known = this.verdicts.get(key);
    if (known) return known;
    const verdict = checkAnswer(gold, answer);
    if (verdict.rule !== "timeout") {
      if (this.verdicts.size >= this.size) this.verdicts.delete(this.verdicts.keys().next().value as string);
      this.verdicts.set(key, verdict);
    }
    return verdict;
  }
}
