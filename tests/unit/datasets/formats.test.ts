import { describe, expect, it } from "vitest";
import { formatFromFields, resolveFormat } from "@/lib/datasets/formats/detect-format";
import { gsm8kGoldAnswer, stripCalculatorNotes } from "@/lib/datasets/formats/gsm8k-record";
import { ImportError } from "@/lib/datasets/formats/import-error";
import { normalizeProblemText, problemHash } from "@/lib/datasets/formats/problem-hash";

describe("problemHash", () => {
  it("ignores NFC/NFD, whitespace runs and outer blanks", () => {
    const composed = "Caf\u00e9 sells  2\ncoffees.";
    const decomposed = "  Cafe\u0301 sells 2 \t coffees.\n";
    expect(normalizeProblemText(decomposed)).toBe("Caf\u00e9 sells 2 coffees.");
    expect(problemHash(composed)).toBe(problemHash(decomposed));
    expect(problemHash(composed)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps case and punctuation", () => {
    expect(problemHash("Find x.")).not.toBe(problemHash("find x."));
    expect(problemHash("Find x.")).not.toBe(problemHash("Find x"));
  });
});

describe("GSM8K helpers", () => {
  it("takes the text after the last #### without commas", () => {
    expect(gsm8kGoldAnswer("a\n#### 1,500")).toBe("1500");
    expect(gsm8kGoldAnswer("a #### 3\n#### -4 ")).toBe("-4");
    expect(gsm8kGoldAnswer("no marker")).toBeNull();
    expect(gsm8kGoldAnswer("#### ")).toBeNull();
  });

  it("drops calculator notes", () => {
    expect(stripCalculatorNotes("48/2 = <<48/2=24>>24 clips")).toBe("48/2 = 24 clips");
  });
});

describe("format detection", () => {
  const fields = (...names: string[]) => new Set(names);

  it("recognises each format from its fields", () => {
    expect(formatFromFields(fields("question", "answer"))).toBe("gsm8k");
    expect(formatFromFields(fields("problem", "solution", "level", "type", "unique_id"))).toBe("math");
    expect(formatFromFields(fields("problem", "generated_solution", "expected_answer", "problem_source"))).toBe("omi2");
    // NeMo-Skills outputs carry the input fields too; generation wins.
    expect(formatFromFields(fields("question", "answer", "generation", "predicted_answer"))).toBe("nemo-skills");
    expect(formatFromFields(fields("problem", "expected_answer", "generation"))).toBe("nemo-skills");
    expect(formatFromFields(fields("text", "label"))).toBeNull();
  });

  it("names the detected format when the requested one does not fit", () => {
    const run = () =>
      resolveFormat({ file: "/x/train.jsonl", container: "jsonl", fields: fields("problem", "solution"), line: 1, requested: "gsm8k" });
    expect(run).toThrow(ImportError);
    expect(run).toThrow('train.jsonl line 1: looks like MATH JSONL but --format gsm8k was given: line 1 has no "question" field');
  });

  it("a mapping implies the generic format and its columns must exist", () => {
    expect(resolveFormat({ file: "a.csv", container: "csv", fields: fields("q", "a"), mapping: { problem: "q", answer: "a" } })).toBe("generic");
    expect(() => resolveFormat({ file: "a.csv", container: "csv", fields: fields("q"), mapping: { problem: "q", answer: "a" } })).toThrow(
      'a.csv: not generic CSV: the header has no "a" column',
    );
  });

  it("explains what it expected when nothing matches", () => {
    expect(() => resolveFormat({ file: "a.jsonl", container: "jsonl", fields: fields("text"), line: 2 })).toThrow(/a\.jsonl line 2: cannot tell the format from line 2 \(fields: text\)/);
    expect(() => resolveFormat({ file: "a.csv", container: "csv", fields: fields("q") })).toThrow(/a CSV file needs a field mapping/);
  });
});
