// `node --import tsx scripts/nemo-skills-fixtures.ts` writes tests/fixtures/datasets/nemo-skills-shapes/:
// NeMo-Skills output files in the shapes NeMo-Skills itself writes, for the import tests
// (tests/integration/datasets/nemo-skills-shapes.int.test.ts). A unit test checks the committed
// files equal what this script builds, so the two cannot drift.
//
// Every line is written as NeMo-Skills writes it, `json.dumps(obj) + "\n"` (writers/python-json.ts
// reproduces json.dumps byte for byte), with the keys in the order its code adds them. Where each
// shape comes from (read in NeMo-Skills' source; NVIDIA/NeMo-Skills is now NVIDIA-NeMo/Skills):
//
// 1. seeded runs in two folders: nemo_skills/inference/generate.py, NVIDIA-NeMo/Skills@81e436c03952315e67e2ffe3b4525d2471f2f277,
//    postprocess_single_output (the model's output keys: generation, num_generated_tokens, then
//    generation_start_time/end_time/time, then every input field) and dump_outputs
//    (`fout.write(json.dumps(output) + "\n")`); math evaluation appends predicted_answer and
//    symbolic_correct (nemo_skills/evaluation/evaluator/math.py). The folder layout
//    `problem-set<i>/generation/output-rs<seed>.jsonl` is the OpenMath2 recipe's:
//    docs/openmathinstruct2/dataset.md, NVIDIA/NeMo-Skills@ae398e96c232f22ff455aa5a64c20a4a8fda5b57.
// 2. chunks: nemo_skills/pipeline/utils/generation.py (get_chunked_rs_filename),
//    NVIDIA/NeMo-Skills@16385fd8a8591462b50edcc7a1ea2f89956cca8b, and nemo_skills/utils.py
//    (get_chunked_filename: `<base>_chunk_<k><ext>`; chunk_data: a contiguous slice of the input),
//    NVIDIA-NeMo/Skills@469a2b4dc2b69ae8823c12a9ee2c6f7e2c149000; merge_chunks.py (`cat` of the
//    chunks in order), NVIDIA/NeMo-Skills@261ef2f64b9fdd8d84f6cc5c0610effacc13e457.
// 3. judge outputs: the judge is a generation with generation_key=judgement and
//    add_generation_stats=False, so `judgement` comes first and the judged line follows
//    (generate.py as in 1); the verdict texts are the forms is_correct_judgement reads:
//    nemo_skills/evaluation/metrics/utils.py, NVIDIA-NeMo/Skills@0d86cafbbb08d581ac137a295fc7277b6d4b9d5a
//    ("Judgement:" / "**Judgement**:" then yes/no; anything else counts as no), and a later version
//    of the same file (also \boxed{Correct|Incorrect} and <points>N out of 7</points>; the stored copy
//    we read names no commit).
// 4. majority fill with a no-vote problem: nemo_skills/evaluation/aggregate_answers.py,
//    NVIDIA/NeMo-Skills@001fc2950192d7377f5682e4ab51aa94c835d220, _write_results_fill: fill_mode,
//    expected_answer (kept in place), majority_votes, total_votes, is_correct = (predicted_answer ==
//    expected_answer); a problem without valid answers gets "no_valid_answer_found" and 0 votes.
//    The same files before voting (pre-vote/) hold the seed problem's expected_answer: question
//    augmentation (generation_key=problem, dataset.md above) replaces only `problem`.
// 5. reasoning outputs: nemo_skills/utils.py parse_reasoning, NVIDIA-NeMo/Skills@469a2b4dc2b69ae8823c12a9ee2c6f7e2c149000
//    (_generation_finished_thinking, _full_generation; an unfinished thought keeps its generation),
//    and the earlier NVIDIA/NeMo-Skills version of it (an unfinished thought's generation set to "").
// 6. `{}` lines: aggregate_answers.py above reads files with zip_longest(fillvalue="{}") and skips
//    empty lines (`if not elem: continue`); prepare_sft_data's ReadData
//    (nemo_skills/training/data_preparation_utils/preprocessing.py, NVIDIA/NeMo-Skills@cc3b452fb350feeac2766587fe3f097bcb4d4fe8)
//    skips them too ("can be empty for incomplete generations").
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pythonJsonDumps } from "@/lib/datasets/writers/python-json";

type Line = Record<string, unknown> | "{}";

interface Input {
  problem: string;
  expected_answer: string;
  [key: string]: unknown;
}

const START = 1765000000.25;

/** generate.py: the model's output keys, the timing stats, then every input field. */
function generated(input: Input, generation: string, tokens: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { generation, num_generated_tokens: tokens, generation_start_time: START, generation_end_time: START + 2.5, generation_time: 2.5, ...input, ...extra };
}

/** Math evaluation appends the predicted answer and the symbolic check. */
function evaluated(line: Record<string, unknown>, predicted: string | null, correct: boolean): Record<string, unknown> {
  return { ...line, predicted_answer: predicted, symbolic_correct: correct };
}

/** The judge's generation comes first (generation_key=judgement, no stats), the judged line after. */
function judged(line: Record<string, unknown>, judgement: string): Record<string, unknown> {
  return { judgement, ...line };
}

/** aggregate_answers.py, mode fill. */
function filled(line: Record<string, unknown>, answer: string, votes: number, total: number): Record<string, unknown> {
  const out: Record<string, unknown> = { ...line };
  out.fill_mode = "majority";
  out.expected_answer = answer;
  out.majority_votes = votes;
  out.total_votes = total;
  out.is_correct = out.predicted_answer === answer;
  return out;
}

/** parse_reasoning, the current version: an unfinished thought keeps its generation. */
function reasoned(line: Record<string, unknown>, version: "current" | "earlier" = "current"): Record<string, unknown> {
  const full = line.generation as string;
  const finished = full.includes("</think>");
  const out: Record<string, unknown> = { ...line, _generation_finished_thinking: finished, _full_generation: full };
  if (finished) out.generation = (full.split("</think>").pop() as string).trim();
  else if (version === "earlier") out.generation = "";
  return out;
}

const math = (problem: string, answer: string, level: string, type: string): Input => ({ problem, expected_answer: answer, level, type });

function seededRuns(): Record<string, Line[]> {
  const set0 = [math("What is $2+3$?", "5", "Level 1", "Prealgebra"), math("Compute $\\frac{1}{2}+\\frac{1}{4}$.", "\\frac{3}{4}", "Level 2", "Algebra")];
  const set1 = [math("How many sides does a hexagon have?", "6", "Level 1", "Geometry"), math("Solve $x^2=9$ for $x>0$ — «positive» root.", "3", "Level 2", "Algebra")];
  // Per line of a run: the generation, its token count, the predicted answer and whether it is correct.
  const run = (set: Input[], lines: [string, number, string, boolean][]) => lines.map(([generation, tokens, predicted, correct], i) => evaluated(generated(set[i] as Input, generation, tokens), predicted, correct));
  return {
    "seeded-runs/problem-set0/generation/output-rs0.jsonl": run(set0, [["$2+3=\\boxed{5}$", 9, "5", true], ["Add: $\\frac{2}{4}+\\frac{1}{4}=\\boxed{\\frac{3}{4}}$", 21, "\\frac{3}{4}", true]]),
    "seeded-runs/problem-set0/generation/output-rs1.jsonl": run(set0, [["It is \\boxed{6}.", 7, "6", false], ["$0.75 = \\boxed{0.75}$", 12, "0.75", true]]),
    "seeded-runs/problem-set1/generation/output-rs0.jsonl": run(set1, [["A hexagon has \\boxed{6} sides.", 10, "6", true], ["$x=\\pm 3$, so \\boxed{3}.", 14, "3", true]]),
    "seeded-runs/problem-set1/generation/output-rs1.jsonl": run(set1, [["Six: \\boxed{6}", 6, "6", true], ["\\boxed{-3}", 4, "-3", false]]),
  };
}

function chunks(): Record<string, Line[]> {
  const q = [math("What is $7 \\cdot 8$?", "56", "Level 1", "Prealgebra"), math("What is $100-1$?", "99", "Level 1", "Prealgebra"), math("What is $2^5$?", "32", "Level 1", "Algebra")];
  const line = (i: number, answer: string, tokens: number) => evaluated(generated(q[i] as Input, `So \\boxed{${answer}}.`, tokens), answer, answer === (q[i] as Input).expected_answer);
  // num_chunks=2 over 3 lines: chunk 0 holds line 0, chunk 1 lines 1-2.
  return {
    "chunked/output-rs0_chunk_0.jsonl": [line(0, "56", 8)],
    "chunked/output-rs1_chunk_0.jsonl": [line(0, "54", 8)],
    "chunked/output-rs0_chunk_1.jsonl": [line(1, "99", 8), line(2, "32", 8)],
    "chunked/output-rs1_chunk_1.jsonl": [line(1, "99", 9), line(2, "64", 9)],
  };
}

function judgeOutputs(): Record<string, Line[]> {
  const p = [math("What is $\\sqrt{16}$?", "4", "Level 1", "Algebra"), math("Simplify $\\frac{6}{8}$.", "\\frac{3}{4}", "Level 1", "Prealgebra"), math("What is $3!$?", "6", "Level 1", "Counting & Probability")];
  const gen = (i: number, text: string, predicted: string) => ({ ...generated(p[i] as Input, text, 10), predicted_answer: predicted });
  return {
    "judged/output-rs0.jsonl": [
      judged(gen(0, "\\boxed{4}", "4"), "Reasoning: both answers are 4.\nJudgement: Yes"),
      judged({ ...gen(1, "\\boxed{0.75}", "0.75"), symbolic_correct: true }, "Reasoning: 0.75 is not written as a fraction.\nJudgement: No"),
      judged(gen(2, "\\boxed{6}", "6"), "The two answers match."),
    ],
    "judged/output-rs1.jsonl": [
      judged(gen(0, "\\boxed{2}", "2"), "Reasoning: 2 is not 4.\n**Judgement**: No"),
      judged({ ...gen(1, "\\boxed{3/4}", "3/4"), is_correct: false }, "Reasoning: 3/4 equals 3/4.\nJudgement: Yes"),
      judged(gen(2, "\\boxed{3!}", "3!"), "3! is 6, the expected answer.\n\\boxed{Correct}"),
    ],
  };
}

function majority(): Record<string, Line[]> {
  // Question augmentation replaced `problem` and kept the seed's fields, expected_answer "7" among them.
  const seed = (problem: string): Input => ({ problem, expected_answer: "7", level: "Level 2", type: "Algebra" });
  const n1 = seed("A box holds 3 rows of 4 apples. How many apples are there?");
  const n2 = seed("Find every real $x$ with $x^2 = -1 + \\sqrt{x}$ and explain.");
  const runs: [Input, string, string | null][][] = [
    [[n1, "$3 \\cdot 4 = \\boxed{12}$", "12"], [n2, "There is no such number.", null]],
    [[n1, "Twelve: \\boxed{12}", "12"], [n2, "Hmm, I cannot tell.", null]],
    [[n1, "\\boxed{7}", "7"], [n2, "No real solution exists.", null]],
  ];
  const files: Record<string, Line[]> = {};
  runs.forEach((lines, seedIndex) => {
    const before = lines.map(([input, text, predicted]) => evaluated(generated(input, text, 11), predicted, predicted === input.expected_answer));
    files[`pre-vote/problem-set0/generation/output-rs${seedIndex}.jsonl`] = before;
    // n1: "12" has 2 of 3 votes; n2: no valid answer at all.
    files[`majority/problem-set0/generation/output-rs${seedIndex}.jsonl`] = [filled(before[0] as Record<string, unknown>, "12", 2, 3), filled(before[1] as Record<string, unknown>, "no_valid_answer_found", 0, 3)];
  });
  return files;
}

function reasoning(): Record<string, Line[]> {
  const r = [math("What is $9+10$?", "19", "Level 1", "Prealgebra"), math("What is the smallest prime?", "2", "Level 1", "Number Theory")];
  // Evaluation runs on the parsed line, so its fields come after parse_reasoning's.
  const line = (i: number, text: string, predicted: string | null, correct: boolean, version?: "current" | "earlier") =>
    evaluated(reasoned(generated(r[i] as Input, text, 40), version), predicted, correct);
  return {
    "reasoning/output-rs0.jsonl": [
      line(0, "<think>9+10 is 19, not 21.</think>\nSo $9+10=\\boxed{19}$.", "19", true),
      line(1, "<think>1 is not prime; 2 is.</think>The answer is \\boxed{2}.", "2", true),
    ],
    "reasoning/output-rs1.jsonl": [
      line(0, "<think>Let me count: 9, 10, 11, ... this takes a wh", null, false),
      line(1, "<think>Primes: 2, 3, 5 and then", null, false, "earlier"),
    ],
  };
}

function emptyLines(): Record<string, Line[]> {
  const e = [math("What is $1+2$?", "3", "Level 1", "Prealgebra"), math("What is $5-5$?", "0", "Level 1", "Prealgebra"), math("What is $2 \\cdot 2$?", "4", "Level 1", "Prealgebra")];
  const line = (i: number, answer: string) => evaluated(generated(e[i] as Input, `\\boxed{${answer}}`, 5), answer, answer === (e[i] as Input).expected_answer);
  return {
    "empty-lines/output-rs0.jsonl": ["{}", line(1, "0"), "{}", line(2, "4")],
    "empty-lines/output-rs1.jsonl": [line(0, "3"), "{}", "{}", line(2, "5")],
  };
}

/** Every fixture file: path relative to the shapes folder -> its exact text. */
export function nemoSkillsFixtureFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const group of [seededRuns(), chunks(), judgeOutputs(), majority(), reasoning(), emptyLines()]) {
    for (const [path, lines] of Object.entries(group)) {
      files.set(path, lines.map((line) => `${line === "{}" ? "{}" : pythonJsonDumps(line)}\n`).join(""));
    }
  }
  return files;
}

export const FIXTURE_ROOT = join(import.meta.dirname, "..", "tests", "fixtures", "datasets", "nemo-skills-shapes");

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  for (const [path, text] of nemoSkillsFixtureFiles()) {
    const target = join(FIXTURE_ROOT, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  console.log(`wrote ${nemoSkillsFixtureFiles().size} files to ${FIXTURE_ROOT}`);
}
