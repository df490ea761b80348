// Grades a batch of imported solutions and computes their export filter inputs in the same pass
// (pure: the grading job reads and writes the rows). Both are computed once here so that no
// export has to tokenize or check a text again (lib/grading/filters/filter-inputs.ts).
// A run keeps its verdicts by (gold, answer) - the release has 23 solutions per problem, most
// repeating a few answers - and each problem's token measure, since a problem's solutions arrive
// together. Each text is read as few times as the values allow: its boxes are found once (the
// grade, the box count and trim-after-boxed share them) and its tokens counted in one pass (the
// trimmed text's count comes from the whole one's pieces, count-tokens.ts). What a row costs, and
// the proof that the values are those of the separate computations: `npm run bench -- grade-rows`.
import { findBoxes } from "@/lib/grading/extract";
import { filterTokens, measureSolution, type SolutionFilterInputs } from "@/lib/grading/filters/filter-inputs";
import { gradeSample, type SampleGrade } from "@/lib/grading/grade-sample";
import { VerdictCache } from "@/lib/grading/verdict-cache";

export interface RowToGrade {
  id: number;
  problemId: number;
  problem: string;
  gold: string | null;
  text: string;
}

export interface GradedRow {
  id: number;
  problemId: number;
  grade: SampleGrade;
  /** Approximate Llama-3.1 tokens (cl100k_base) of the whole solution: the browser's token column. */
  tokenCount: number;
  inputs: SolutionFilterInputs;
}

const PROBLEMS_REMEMBERED = 4_096;

export class ImportRowGrader {
  private readonly verdicts = new VerdictCache();
  private readonly problemTokens = new Map<number, number>();

  /** `generated`: the rows were written by a model and are graded by the recipe's last-box rule;
   * else they are references, whose answer the checker locates anywhere (grade-sample.ts). */
  constructor(private readonly generated: boolean) {}

  grade(rows: readonly RowToGrade[]): GradedRow[] {
    return rows.map((row) => {
      // Imports settle a problem without gold (undecided): the job would otherwise pick the row again.
      const answerRule = this.generated ? "last-box" : "anywhere";
      const boxes = findBoxes(row.text);
      const grade = gradeSample(row.text, row.gold, { answerRule, withoutGold: "settle", verdicts: this.verdicts, boxes });
      const { tokenCount, inputs } = measureSolution(row.problem, row.text, { problemTokens: this.problemTokensOf(row), boxes });
      return { id: row.id, problemId: row.problemId, grade, tokenCount, inputs };
    });
  }

  private problemTokensOf(row: RowToGrade): number {
    let tokens = this.problemTokens.get(row.problemId);
    if (tokens === undefined) {
      if (this.problemTokens.size >= PROBLEMS_REMEMBERED) this.problemTokens.clear();
      tokens = filterTokens(row.problem);
      this.problemTokens.set(row.problemId, tokens);
    }
    return tokens;
  }
}
