// A small but varied world for the review workspace's integration tests: two sets, problems with
// several sources, contamination states and agreements, two batches plus imported samples, and
// solutions whose verdicts, lengths, models, token counts and answers cycle deterministically.
// Inserted with generate_series, the same way bench/browse.ts builds its million rows.
import { pool } from "@/lib/db/pool";
import { hashPassword } from "@/lib/auth/password";

export interface SeededWorld {
  users: { viewer: number; reviewer: number; reviewer2: number; curator: number };
  setIds: number[];
  batchIds: number[];
  problems: number;
  samples: number;
}

export async function seedReviewWorld(options: { problems?: number; samplesPerProblem?: number } = {}): Promise<SeededWorld> {
  const problems = options.problems ?? 120;
  const perProblem = options.samplesPerProblem ?? 8;
  const db = pool();
  const passwordHash = await hashPassword("irrelevant-password-1");
  const users = {} as SeededWorld["users"];
  for (const [key, role] of [
    ["viewer", "viewer"],
    ["reviewer", "reviewer"],
    ["reviewer2", "reviewer"],
    ["curator", "curator"],
  ] as const) {
    const { rows } = await db.query<{ id: number }>(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3::"Role", $4) RETURNING id`, [
      `${key}@seed.test`,
      key,
      role,
      passwordHash,
    ]);
    users[key] = rows[0].id;
  }
  const { rows: sets } = await db.query<{ id: number }>(
    `INSERT INTO problem_sets (name, role) VALUES ('seed-gsm', 'seed'), ('synth-math', 'synthetic') RETURNING id`,
  );
  const setIds = sets.map((s) => s.id);
  const { rows: batches } = await db.query<{ id: number }>(
    `INSERT INTO generation_batches (name, kind, set_id, model, samples_per_problem) VALUES
       ('batch-a', 'solutions', $1, 'llama-70b', 4), ('batch-b', 'solutions', $2, 'llama-405b', 4) RETURNING id`,
    setIds,
  );
  const batchIds = batches.map((b) => b.id);
  await db.query(
    `INSERT INTO problems (set_id, text, text_hash, source_key, source, gold_answer, gold_source, majority_votes, total_votes, agreement, contamination_status)
     SELECT CASE WHEN g % 2 = 0 THEN $1::int ELSE $2::int END,
            'Problem ' || g || ': ' || (ARRAY['find the area of a triangle', 'solve for $x$ in $2x = ' || g || '$', 'how many apples remain'])[1 + g % 3] || E'\\nSecond line.',
            md5('p' || g), 'key-' || g,
            (ARRAY['gsm8k', 'math', 'augmented_math', 'augmented_gsm8k'])[1 + g % 4],
            (g % 10)::text, 'dataset', 4 + g % 5, 8, (4 + g % 5) / 8.0,
            (ARRAY['unchecked', 'clean', 'candidate', 'contaminated'])[1 + (g % 7) % 4]::"ContaminationStatus"
     FROM generate_series(1, $3::int) g`,
    [setIds[0], setIds[1], problems],
  );
  await db.query(
    `INSERT INTO samples (problem_id, set_id, batch_id, sample_index, text, model, extracted_answer, answer_key, verdict, verdict_rule,
                          char_length, token_count, review_status)
     SELECT p.id, p.set_id,
            CASE WHEN k % 3 = 0 THEN NULL WHEN p.set_id = $1 THEN $2::int ELSE $3::int END,
            k,
            'Solution ' || k || ' of problem ' || p.id || repeat(' step', (p.id * 7 + k * 13) % 40) || ' so the answer is $\\boxed{' || (p.id + k) % 10 || '}$',
            CASE WHEN k % 3 = 0 THEN NULL WHEN k % 3 = 1 THEN 'llama-70b' ELSE 'llama-405b' END,
            ((p.id + k) % 10)::text, ((p.id + k) % 10)::text,
            (ARRAY['equal', 'not_equal', 'equal', 'undecided', 'no_answer', 'ungraded', 'equal'])[1 + (p.id + k) % 7]::"Verdict",
            'numeric',
            40 + (p.id * 7 + k * 13) % 40 * 5,
            CASE WHEN k % 5 = 0 THEN NULL ELSE 10 + (p.id * 3 + k) % 90 END,
            (ARRAY['unreviewed', 'unreviewed', 'unreviewed', 'accepted', 'rejected'])[1 + (p.id * k) % 5]::"ReviewStatus"
     FROM problems p CROSS JOIN generate_series(0, $4::int - 1) k`,
    [setIds[0], batchIds[0], batchIds[1], perProblem],
  );
  // The maintained counters, as imports and batches keep them.
  await db.query(`UPDATE problem_sets ps SET sample_count = (SELECT count(*) FROM samples s WHERE s.set_id = ps.id), problem_count = (SELECT count(*) FROM problems p WHERE p.set_id = ps.id)`);
  return { users, setIds, batchIds, problems, samples: problems * perProblem };
}
