import {
  type Container,
  type DatasetFormat,
  type FieldMapping,
  FORMAT_LABELS,
} from "@/lib/datasets/formats/dataset-format";
import { ImportError } from "@/lib/datasets/formats/import-error";

// Format detection. The container comes from the file extension; the format from the field names
// of the first record (or the Parquet schema), because names like "train.jsonl" say nothing.
// The field test is ordered from most to least specific: NeMo-Skills outputs carry the input
// fields too (a GSM8K generation has question+answer+generation), and OMI2 rows have "problem"
// like MATH does.

export function containerFromFileName(name: string): Container {
  const lower = name.toLowerCase();
  if (lower.endsWith(".parquet")) return "parquet";
  if (lower.endsWith(".csv")) return "csv";
  return "jsonl";
}

const CONTAINER_LABELS: Record<Container, string> = { jsonl: "JSONL", csv: "CSV", parquet: "Parquet" };

/** Fields a format needs; each entry lists alternatives (any one satisfies it). */
export function requiredFields(format: DatasetFormat, mapping?: FieldMapping): string[][] {
  switch (format) {
    case "gsm8k":
      return [["question"], ["answer"]];
    case "math":
      return [["problem"], ["solution"]];
    case "omi2":
      return [["problem"], ["generated_solution"], ["expected_answer"]];
    case "nemo-skills":
      return [["problem", "question"], ["generation"]];
    case "messages":
      return [["messages"]];
    case "generic": {
      if (!mapping) return [];
      const columns = [mapping.problem, mapping.answer, mapping.solution, mapping.id, mapping.source];
      return columns.filter((c): c is string => c !== undefined).map((c) => [c]);
    }
  }
}

/** The format the fields look like, or null. */
export function formatFromFields(fields: ReadonlySet<string>): DatasetFormat | null {
  if (fields.has("generation") && (fields.has("problem") || fields.has("question"))) return "nemo-skills";
  if (fields.has("problem") && fields.has("generated_solution")) return "omi2";
  if (fields.has("question") && fields.has("answer")) return "gsm8k";
  if (fields.has("problem") && fields.has("solution")) return "math";
  if (fields.has("messages")) return "messages";
  return null;
}

export interface DetectionInput {
  file: string;
  container: Container;
  /** Keys of the first record, or the Parquet/CSV columns. */
  fields: ReadonlySet<string>;
  /** Where the fields came from, for messages: { line: 1 } or {} for a schema/header. */
  line?: number;
  requested?: DatasetFormat;
  mapping?: FieldMapping;
}

function firstMissing(format: DatasetFormat, fields: ReadonlySet<string>, mapping?: FieldMapping): string | null {
  for (const alternatives of requiredFields(format, mapping)) {
    if (!alternatives.some((f) => fields.has(f))) return alternatives[0] as string;
  }
  return null;
}

export function resolveFormat(input: DetectionInput): DatasetFormat {
  const { file, container, fields, requested, mapping, line } = input;
  const where = line !== undefined ? `line ${line}` : container === "csv" ? "the header" : "the schema";
  const fail = (code: "format-mismatch" | "undetectable-format", detail: string, field?: string): never => {
    throw new ImportError({ code, file, line, field, detail });
  };
  const detected = formatFromFields(fields);
  const format: DatasetFormat | null = requested ?? (mapping ? "generic" : detected);
  if (format === null) {
    const seen = [...fields].slice(0, 12).join(", ");
    fail(
      "undetectable-format",
      container === "csv"
        ? `a CSV file needs a field mapping (problem=<column>, optional answer/solution/id/source); columns are: ${seen}`
        : `cannot tell the format from ${where} (fields: ${seen}); expected question+answer (GSM8K), problem+solution (MATH), problem+generated_solution (OpenMathInstruct-2), generation (NeMo-Skills) or messages (chat); pass a format or a field mapping`,
    );
    throw new Error("unreachable");
  }
  if (format === "generic" && !mapping) fail("undetectable-format", "the generic format needs a field mapping (problem=<column>, ...)");
  if (container === "csv" && format !== "generic") {
    fail("format-mismatch", `${FORMAT_LABELS[format]} is a JSONL format; read a CSV file with the generic format and a field mapping`);
  }
  const missing = firstMissing(format, fields, mapping);
  if (missing !== null) {
    const has = where === "the header" ? `has no "${missing}" column` : `has no "${missing}" field`;
    if (requested && detected && detected !== requested) {
      fail(
        "format-mismatch",
        `looks like ${FORMAT_LABELS[detected]} ${CONTAINER_LABELS[container]} but --format ${requested} was given: ${where} ${has}`,
        missing,
      );
    }
    fail("format-mismatch", `not ${FORMAT_LABELS[format]} ${CONTAINER_LABELS[container]}: ${where} ${has}`, missing);
  }
  return format;
}

