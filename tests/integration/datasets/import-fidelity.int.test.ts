// Into the database: each row's own id is stored as its key; chat messages arrive as a problem
// with its generated solutions; a bad chat row or a row without the configured id field changes
// nothing and the summary names file, line and field.
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { databaseSnapshot, importFiles, tempDir, writeTemp } from "./import-helpers";

const dir = tempDir("boxed-fidelity-");
const jsonl = (name: string, rows: object[]) => writeTemp(dir, name, `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`);
const chatRow = (i: number) => ({
  id: `chat-${i}`,
  expected_answer: String(i * 2),
  messages: [
    { role: "user", content: `What is ${i} + ${i}?` },
    { role: "assistant", content: `${i} + ${i} = ${i * 2}, so \\boxed{${i * 2}}.` },
    { role: "assistant", content: `Twice ${i} is \\boxed{${i * 2}}.` },
  ],
});

let baseline: Awaited<ReturnType<typeof databaseSnapshot>>;

beforeAll(async () => {
  const { summary } = await importFiles([jsonl("chat.jsonl", Array.from({ length: 20 }, (_, i) => chatRow(i + 1)))], "chats", "synthetic");
  expect(summary.ok).toBe(true);
  expect(summary.format).toBe("messages");
  expect(summary.problemsInserted).toBe(20);
  expect(summary.solutionsInserted).toBe(40);
  baseline = await databaseSnapshot();
});

describe("import fidelity in the database", () => {
  it("chat rows are stored with their own ids, problems and solutions", async () => {
    const { rows } = await pool().query(
      `SELECT p.source_key, p.text AS problem, p.gold_answer, count(s.id)::int AS solutions
         FROM problems p JOIN problem_sets ps ON ps.id = p.set_id LEFT JOIN samples s ON s.problem_id = p.id
        WHERE ps.name = 'chats' GROUP BY p.id ORDER BY p.id LIMIT 2`,
    );
    expect(rows).toEqual([
      { source_key: "chat-1", problem: "What is 1 + 1?", gold_answer: "2", solutions: 2 },
      { source_key: "chat-2", problem: "What is 2 + 2?", gold_answer: "4", solutions: 2 },
    ]);
  });

  it("GSM8K rows keep their id; a configured id field is used", async () => {
    const gsm = (q: string, extra: object) => ({ question: q, answer: `#### ${q.length}`, ...extra });
    const { summary } = await importFiles([jsonl("gsm.jsonl", [gsm("first?", { id: "g-1" }), gsm("second?", { qid: "Q-2", id: "g-2" })])], "gsm-ids", "seed", { idField: undefined });
    expect(summary.ok).toBe(true);
    const keys = await pool().query(`SELECT source_key FROM problems p JOIN problem_sets ps ON ps.id = p.set_id WHERE ps.name = 'gsm-ids' ORDER BY p.id`);
    expect(keys.rows.map((r) => r.source_key)).toEqual(["g-1", "g-2"]);
    baseline = await databaseSnapshot();
  });

  it("a bad chat row changes nothing and is named", async () => {
    const rows: object[] = Array.from({ length: 30 }, (_, i) => chatRow(100 + i));
    rows[21] = { messages: [{ role: "user", content: "q" }, { role: "assistant", content: null }] };
    for (const set of ["chats", "would-be-new"]) {
      const { summary } = await importFiles([jsonl("chat-bad.jsonl", rows)], set, "synthetic");
      expect(summary.ok).toBe(false);
      expect(summary.errors.map((e) => e.message)).toEqual(['chat-bad.jsonl line 22: field "messages[1].content" must be a string, got null']);
      expect(await databaseSnapshot()).toEqual(baseline);
    }
  });

  it("a row without the configured id field changes nothing and is named", async () => {
    const rows = [{ question: "a?", answer: "#### 1", qid: "A" }, { question: "b?", answer: "#### 2" }];
    const { summary } = await importFiles([jsonl("no-qid.jsonl", rows)], "gsm-ids", "seed", { idField: "qid" });
    expect(summary.ok).toBe(false);
    expect(summary.errors.map((e) => [e.message, e.line, e.field])).toEqual([['no-qid.jsonl line 2: field "qid" is missing', 2, "qid"]]);
    expect(await databaseSnapshot()).toEqual(baseline);
  });
});
