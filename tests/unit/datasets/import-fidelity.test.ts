// Every import format keeps the row's own id as its key; chat `messages` rows import as a problem
// and its generated solutions; bad rows name file, line and field.
import { rmSync } from "node:fs";
import { parquetWriteBuffer } from "hyparquet-writer";
import { afterAll, describe, expect, it } from "vitest";
import { datasetFormatFromName } from "@/lib/datasets/formats/dataset-format";
import { validateFile } from "@/lib/datasets/readers/validate-file";
import { caught } from "@/tests/unit/datasets/caught-import-error";
import { readAll } from "@/tests/unit/datasets/read-all";
import { tempDir, tempFile } from "@/tests/unit/datasets/temp-files";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const jsonl = (name: string, rows: object[]) => tempFile(dir, name, `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`);

const gsm = { question: "What is 2+2?", answer: "2+2=<<2+2=4>>4\n#### 4" };

describe("a row's own id is its key, in every format", () => {
  it("GSM8K rows: id, unique_id, problem_id (numbers too), else file:line", async () => {
    const path = jsonl("gsm-ids.jsonl", [
      { ...gsm, id: "gsm8k-train-0" },
      { ...gsm, question: "b", unique_id: "u-1" },
      { ...gsm, question: "c", problem_id: 17 },
      { ...gsm, question: "d" },
      { ...gsm, question: "e", id: "" },
    ]);
    const { reader, records } = await readAll(path);
    expect(reader.format).toBe("gsm8k");
    expect(records.map((r) => r.sourceKey)).toEqual(["gsm8k-train-0", "u-1", "17", "gsm-ids.jsonl:4", "gsm-ids.jsonl:5"]);
  });

  it("MATH, OMI2 and CSV rows keep theirs", async () => {
    const math = jsonl("math-ids.jsonl", [{ problem: "p", solution: "\\boxed{1}", unique_id: "test/algebra/1.json" }, { problem: "q", solution: "\\boxed{2}", id: 5 }]);
    expect((await readAll(math)).records.map((r) => r.sourceKey)).toEqual(["test/algebra/1.json", "5"]);
    const omi2 = jsonl("omi2-ids.jsonl", [
      { problem: "p", generated_solution: "a \\boxed{1}", expected_answer: "1", problem_source: "augmented_math", id: "omi-7" },
      { problem: "p", generated_solution: "b \\boxed{1}", expected_answer: "1", problem_source: "augmented_math", id: "omi-8" },
    ]);
    const { records } = await readAll(omi2);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ sourceKey: "omi-7", solutions: [{ text: "a \\boxed{1}" }, { text: "b \\boxed{1}" }] });
    const csv = tempFile(dir, "ids.csv", "question,final,problem_id\nWhat is 1?,1,P-1\n");
    expect((await readAll(csv, { mapping: { problem: "question", answer: "final" } })).records[0].sourceKey).toBe("P-1");
  });

  it("a configured id field wins, and every row must have it", async () => {
    const path = jsonl("qid.jsonl", [{ ...gsm, id: "ignored", qid: "Q1" }, { ...gsm, question: "b" }]);
    const error = await caught(readAll(path, { idField: "qid" }));
    expect(error.message).toBe('qid.jsonl line 2: field "qid" is missing');
    expect(error).toMatchObject({ line: 2, field: "qid" });
    const good = jsonl("qid-ok.jsonl", [{ ...gsm, qid: "Q1" }, { ...gsm, question: "b", qid: 2 }]);
    expect((await readAll(good, { idField: "qid" })).records.map((r) => r.sourceKey)).toEqual(["Q1", "2"]);
  });

  it("Parquet: ids are read with the rows; a configured id column missing from the schema is refused", async () => {
    const bytes = parquetWriteBuffer({
      columnData: [
        { name: "question", data: ["a", "b"], type: "STRING" },
        { name: "answer", data: ["#### 1", "#### 2"], type: "STRING" },
        { name: "problem_id", data: ["x1", "x2"], type: "STRING" },
      ],
    });
    const path = tempFile(dir, "gsm-ids.parquet", new Uint8Array(bytes));
    expect((await readAll(path)).records.map((r) => r.sourceKey)).toEqual(["x1", "x2"]);
    const error = await caught(readAll(path, { idField: "qid" }));
    expect(error.message).toBe('gsm-ids.parquet: the schema has no "qid" column (the id field given)');
  });
});

describe("chat messages JSONL", () => {
  const chat = (messages: unknown, extra: object = {}) => ({ messages, ...extra });

  it("user turn = problem, assistant turns = generated solutions; detected by its field", async () => {
    const path = jsonl("chat.jsonl", [
      chat(
        [
          { role: "system", content: "Put the final answer in \\boxed{}." },
          { role: "user", content: "What is 6*7?" },
          { role: "assistant", content: "6*7 = 42, so \\boxed{42}." },
          { role: "assistant", content: "Forty-two: \\boxed{42}" },
        ],
        { expected_answer: 42, id: "c-1", problem_source: "augmented_gsm8k" },
      ),
      chat([{ role: "user", content: "What is 1+1?" }]),
    ]);
    const { reader, records } = await readAll(path);
    expect(reader.format).toBe("messages");
    expect(records[0]).toMatchObject({
      sourceKey: "c-1",
      problem: "What is 6*7?",
      goldAnswer: "42",
      goldSource: "dataset",
      problemSource: "augmented_gsm8k",
      solutions: [{ text: "6*7 = 42, so \\boxed{42}.", sampleIndex: 0 }, { text: "Forty-two: \\boxed{42}", sampleIndex: 1 }],
    });
    // No gold from the assistant's own text: a generated solution is not a label.
    expect(records[1]).toMatchObject({ sourceKey: "chat.jsonl:2", problem: "What is 1+1?", goldAnswer: null, solutions: [] });
  });

  it("bad rows name file, line and field", async () => {
    const cases: [unknown, string][] = [
      ["not a list", 'chat-bad.jsonl line 1: field "messages" must be an array of {role, content}, got string'],
      [[{ role: "user", content: "q" }, { role: "assistant", content: 7 }], 'chat-bad.jsonl line 1: field "messages[1].content" must be a string, got number'],
      [[{ role: "user", content: "q" }, { role: "robot", content: "a" }], 'chat-bad.jsonl line 1: field "messages[1].role" must be system, user or assistant'],
      [[{ role: "assistant", content: "a" }], 'chat-bad.jsonl line 1: field "messages[0].role" comes before any user turn'],
      [[{ role: "user", content: "q" }, { role: "assistant", content: "a" }, { role: "user", content: "q2" }], 'chat-bad.jsonl line 1: field "messages[2].role" is a second user turn; one row is one problem (user) and its solutions (assistant)'],
      [[{ role: "system", content: "s" }], 'chat-bad.jsonl line 1: field "messages" has no user turn (the problem)'],
    ];
    for (const [messages, message] of cases) {
      const path = jsonl("chat-bad.jsonl", [chat(messages)]);
      expect((await caught(readAll(path, { format: "messages" }))).message).toBe(message);
    }
  });

  it("the dry run lists every bad row", async () => {
    const path = jsonl("chat-many.jsonl", [chat([{ role: "user", content: "ok" }]), chat("x"), chat([{ role: "user", content: 1 }])]);
    const report = await validateFile(path, { format: "messages" });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [2, "messages"],
      [3, "messages[0].content"],
    ]);
  });
});

describe("format names", () => {
  it("import accepts the export's names for OMI2", () => {
    expect(datasetFormatFromName("omi2")).toBe("omi2");
    expect(datasetFormatFromName("omi2-jsonl")).toBe("omi2");
    expect(datasetFormatFromName("omi2-parquet")).toBe("omi2");
    expect(datasetFormatFromName("messages")).toBe("messages");
    expect(datasetFormatFromName("nemo-sft")).toBeNull();
  });
});
