// "Suspect gold answers": problems whose gold comes from the dataset while a strong majority of
// their samples agree on one answer class that is never graded equal to it. The gold may be wrong
// (GSM8K train has about a dozen known bad answers), or the grader may be. Reads
// answer_class_stats (answer classes of dataset-gold problems only, kept by the samples triggers):
// one pass over a table of (problems x classes), never the samples table.
import { pool } from "@/lib/db/pool";
import { problemLink, solutionsLink } from "@/lib/insights/solutions-link";

export interface SuspectGold {
  problemId: number;
  setName: string;
  source: string;
  goldAnswer: string | null;
  /** The majority class (normalised answer key) and how many samples gave it. */
  majorityKey: string;
  majorityExample: string | null;
  majorityVotes: number;
  samples: number;
  share: number;
  problemHref: string;
  /** The majority's samples in the solutions table. */
  solutionsHref: string;
}

export interface SuspectGoldOptions {
  /** Smallest share of the problem's samples the majority class must hold. */
  minShare?: number;
  /** Problems with fewer samples are too noisy to suspect. */
  minSamples?: number;
  limit?: number;
}

export const SUSPECT_DEFAULTS = { minShare: 0.6, minSamples: 4, limit: 50 } as const;

export async function findSuspectGold(options: SuspectGoldOptions = {}): Promise<SuspectGold[]> {
  const { minShare, minSamples, limit } = { ...SUSPECT_DEFAULTS, ...options };
  const { rows } = await pool().query<{
    problem_id: number;
    set_name: string;
    source: string;
    gold_answer: string | null;
    answer_key: string;
    votes: number;
    total: number;
    example: string | null;
  }>(
    `WITH top AS (
       SELECT DISTINCT ON (problem_id) problem_id, answer_key, samples, correct,
              sum(samples) OVER (PARTITION BY problem_id) AS total
       FROM answer_class_stats WHERE samples > 0
       ORDER BY problem_id, samples DESC, answer_key)
     SELECT t.problem_id, s.name AS set_name, p.source, p.gold_answer, t.answer_key, t.samples AS votes, t.total::int AS total,
            (SELECT x.extracted_answer FROM samples x WHERE x.problem_id = t.problem_id AND x.answer_key = t.answer_key LIMIT 1) AS example
     FROM top t JOIN problems p ON p.id = t.problem_id JOIN problem_sets s ON s.id = p.set_id
     WHERE t.correct = 0 AND p.gold_source = 'dataset' AND t.total >= $1::int AND t.samples >= $2::float8 * t.total
     ORDER BY t.samples::float / t.total DESC, t.samples DESC, t.problem_id
     LIMIT $3`,
    [minSamples, minShare, limit],
  );
  return rows.map((r) => ({
    problemId: r.problem_id,
    setName: r.set_name,
    source: r.source,
    goldAnswer: r.gold_answer,
    majorityKey: r.answer_key,
    majorityExample: r.example,
    majorityVotes: r.votes,
    samples: r.total,
    share: r.votes / r.total,
    problemHref: problemLink(r.problem_id),
    solutionsHref: solutionsLink({ problemId: r.problem_id, answerKey: r.answer_key }),
  }));
}
