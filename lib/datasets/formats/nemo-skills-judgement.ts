// How NeMo-Skills reads an LLM judge's `judgement` text (is_correct_judgement in
// nemo_skills/evaluation/metrics/utils.py, which MathMetrics uses for `judge_correct` and
// prepare_sft_data for `use_judgement`), so a file judged by its math judge gets the verdict
// NeMo-Skills itself would count:
// 1. the first "Judgement:" (any case, optionally in markdown bold "**Judgement**:"); the text after
//    it, stripped of spaces and leading asterisks, starting with "yes" is correct, "no" is not;
// 2. else "\boxed{Correct}" / "\boxed{Incorrect}" (IMO AnswerBench judges);
// 3. else "<points>N out of 7</points>" (IMO ProofBench judges): 6 or 7 is correct;
// 4. else (no verdict in a form it knows, or an empty judgement) it is counted as not correct.
// `readable` says whether one of 1-3 matched, so an import can count the judgements taken as "no"
// only for want of a verdict.

export interface JudgementVerdict {
  correct: boolean;
  readable: boolean;
}

const JUDGEMENT_LABEL = /\*{0,2}Judgement\*{0,2}\s*:/i;
const BOXED_VERDICT = /\\boxed\s*\{\s*(Correct|Incorrect)\s*\}/i;
const POINTS = /<points>\s*(\d+)\s*out of 7\s*<\/points>/i;

export function readJudgement(judgement: string | null | undefined): JudgementVerdict {
  if (judgement) {
    const label = JUDGEMENT_LABEL.exec(judgement);
    if (label) {
      const verdict = judgement
        .slice(label.index + label[0].length)
        .trim()
        .replace(/^\*+/, "")
        .trim()
        .toLowerCase();
      if (verdict.startsWith("yes")) return { correct: true, readable: true };
      if (verdict.startsWith("no")) return { correct: false, readable: true };
    }
    const boxed = BOXED_VERDICT.exec(judgement);
    if (boxed) return { correct: (boxed[1] as string).toLowerCase() === "correct", readable: true };
    const points = POINTS.exec(judgement);
    if (points) return { correct: Number(points[1]) >= 6, readable: true };
  }
  return { correct: false, readable: false };
}
