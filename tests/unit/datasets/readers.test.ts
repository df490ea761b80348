import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDataset } from "@/lib/datasets/readers/open-dataset";
import type { ProgressSnapshot } from "@/lib/datasets/readers/read-progress";
import { readAll } from "@/tests/unit/datasets/read-all";

const fixture = (...parts: string[]) => join(import.meta.dirname, "..", "..", "fixtures", "datasets", ...parts);

describe("gsm8k reader", () => {
  it("reads BOM + CRLF + blank line + no final newline, with exact line numbers", async () => {
    const { reader, records } = await readAll(fixture("gsm8k-small.jsonl"));
    expect(reader.format).toBe("gsm8k");
    expect(records.map((r) => r.location.line)).toEqual([1, 3, 4]);
    expect(records.map((r) => r.sourceKey)).toEqual(["gsm8k-small.jsonl:1", "gsm8k-small.jsonl:3", "gsm8k-small.jsonl:4"]);
    expect(records.map((r) => r.goldAnswer)).toEqual(["72", "1500", "7"]);
    expect(reader.progress.blankLines).toBe(1);
    const first = records[0];
    expect(first?.problem.startsWith("Natalia")).toBe(true); // BOM stripped
    expect(first?.goldSource).toBe("dataset");
    expect(first?.problemSource).toBe("gsm8k");
    expect(first?.solutions).toEqual([
      { text: "Natalia sold 48/2 = 24 clips in May.\nNatalia sold 48+24 = 72 clips altogether in April and May.\n#### 72", sampleIndex: 0 },
    ]);
    expect(records[2]?.problem).toBe("Café prices rose by $5 to $12. What was the old price?");
  });
});

describe("math reader", () => {
  it("takes the last brace-matched \\boxed{} and the metadata", async () => {
    const { reader, records } = await readAll(fixture("math-small.jsonl"));
    expect(reader.format).toBe("math");
    expect(records.map((r) => r.goldAnswer)).toEqual(["\\frac{3}{4}", "\\{1, 2\\}", "1024"]);
    expect(records[0]?.sourceKey).toBe("train/algebra/1.json");
    expect(records[0]?.metadata).toEqual({ level: "Level 1", subject: "Algebra" });
    expect(records[2]?.metadata).toEqual({ level: "2", subject: "Number Theory" });
    expect(records[0]?.problemSource).toBe("math");
  });
});

describe("omi2 JSONL reader", () => {
  it("groups consecutive rows of one problem into one record", async () => {
    const { reader, records } = await readAll(fixture("omi2-small.jsonl"));
    expect(reader.format).toBe("omi2");
    expect(records.map((r) => [r.problem, r.solutions.length, r.location.line])).toEqual([
      ["What is 2+2?", 3, 1],
      ["Solve $x^2=9$ for $x>0$.", 2, 4],
      ["A new problem: what is 3+3?", 1, 6],
      ["What is 2+2?", 1, 7], // not consecutive: a separate record (the loader dedupes by hash)
    ]);
    expect(records[0]?.solutions.map((s) => s.sampleIndex)).toEqual([0, 1, 2]);
    expect(records[0]?.goldSource).toBe("dataset");
    expect(records[2]?.goldSource).toBe("majority-vote");
    expect(records[2]?.problemSource).toBe("augmented_gsm8k");
    expect(reader.progress.rowsRead).toBe(7);
  });

  it("flushes a long run at the bound", async () => {
    const { records } = await readAll(fixture("omi2-small.jsonl"), { maxSolutionsPerRecord: 2 });
    expect(records.map((r) => r.solutions.length)).toEqual([2, 1, 2, 1, 1]);
  });
});

describe("nemo-skills reader", () => {
  const files = ["output-rs3.jsonl", "output-rs0.jsonl", "output-rs1.jsonl"].map((f) => fixture("nemo-skills", f));

  it("reads output-rs files in lockstep, sorted by seed", async () => {
    const { reader, records } = await readAll(files);
    expect(reader.format).toBe("nemo-skills");
    expect(reader.files.map((f) => f.split("/").pop())).toEqual(["output-rs0.jsonl", "output-rs1.jsonl", "output-rs3.jsonl"]);
    expect(records).toHaveLength(3);
    const [a, , c] = records;
    expect(a?.problem).toBe("What is $1+1$?");
    expect(a?.goldAnswer).toBe("2");
    expect(a?.goldSource).toBe("dataset");
    expect(a?.solutions).toEqual([
      { text: "So $\\boxed{2}$.", sampleIndex: 0, predictedAnswer: "2", fileVerdict: true, fileVerdictSource: "is_correct", generatedTokens: 12, seed: 0 },
      { text: "I get \\boxed{3}.", sampleIndex: 1, predictedAnswer: "3", fileVerdict: false, fileVerdictSource: "is_correct", generatedTokens: 11, seed: 1 },
      { text: "Clearly \\boxed{2}", sampleIndex: 2, predictedAnswer: "2", fileVerdict: true, fileVerdictSource: "is_correct", generatedTokens: 8, seed: 3 },
    ]);
    expect(c?.goldSource).toBe("majority-vote");
    expect(c?.majorityVotes).toBe(2);
    expect(c?.totalVotes).toBe(3);
    expect(c?.solutions.map((s) => s.fileVerdict)).toEqual([true, true, false]);
    expect(c?.solutions.map((s) => s.fileVerdictSource)).toEqual(["symbolic_correct", "symbolic_correct", "symbolic_correct"]);
  });

  it("reads a single output file", async () => {
    const { reader, records } = await readAll(fixture("nemo-skills", "output-rs1.jsonl"));
    expect(reader.format).toBe("nemo-skills");
    expect(records.map((r) => r.solutions[0]?.seed)).toEqual([1, 1, 1]);
  });
});

describe("generic reader", () => {
  it("reads JSONL through a mapping", async () => {
    const { reader, records } = await readAll(fixture("generic-small.jsonl"), {
      mapping: { problem: "q", answer: "a", solution: "sol", id: "id", source: "src" },
    });
    expect(reader.format).toBe("generic");
    expect(records[0]).toMatchObject({ sourceKey: "q-1", goldAnswer: "6", goldSource: "dataset", problemSource: "my_set" });
    expect(records[0]?.solutions).toEqual([{ text: "A hexagon has \\boxed{6} sides.", sampleIndex: 0 }]);
    expect(records[1]?.solutions).toEqual([]);
  });

  it("reads RFC 4180 CSV: quotes, doubled quotes, multiline fields, CRLF, blank line, no final newline", async () => {
    const { reader, records } = await readAll(fixture("generic-small.csv"), {
      mapping: { problem: "question", answer: "answer", solution: "worked", id: "id" },
    });
    expect(reader.container).toBe("csv");
    expect(records.map((r) => r.sourceKey)).toEqual(["c1", "c2", "c3", "c4"]);
    // c2 spans lines 4-7 (a quoted CRLF in the problem, two LFs in the solution).
    expect(records.map((r) => r.location.line)).toEqual([2, 4, 8, 9]);
    expect(records[1]?.problem).toBe('He said "hi", then asked:\r\nwhat is 2+3?');
    expect(records[1]?.solutions[0]?.text).toBe("Line one\nLine two, with comma\n\\boxed{5}");
    expect(records[2]).toMatchObject({ goldAnswer: null, goldSource: null, solutions: [] });
    expect(records[3]?.goldAnswer).toBe("7");
    expect(reader.progress.blankLines).toBe(1);
  });
});

describe("progress", () => {
  it("reports bytes read against the total", async () => {
    const seen: ProgressSnapshot[] = [];
    const reader = await openDataset(fixture("omi2-small.jsonl"), { onProgress: (s) => seen.push(s) });
    for await (const _ of reader) {
      // drain
    }
    const last = seen.at(-1);
    expect(last?.bytesRead).toBe(last?.totalBytes);
    expect(last?.fraction).toBe(1);
    expect(reader.progress.snapshot().recordsRead).toBe(4);
  });
});
