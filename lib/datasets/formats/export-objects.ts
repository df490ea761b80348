import type { ExportRow } from "@/lib/datasets/formats/export-row";
import { LLAMA3_EOT, llama3MathPrompt, type PromptOptions, userMessage } from "@/lib/datasets/formats/llama3-math-prompt";

// One ExportRow -> the JSON object of one output line, per export format.

export type JsonlExportFormat = "omi2" | "nemo-sft" | "messages";

/** "python": key order and spelling of NeMo-Skills' own files (writers/python-json.ts). */
export type JsonStyle = "javascript" | "python";

/** The OpenMathInstruct-2 release row. */
export function omi2Object(row: ExportRow) {
  return {
    problem: row.problem,
    generated_solution: row.solution,
    expected_answer: row.expectedAnswer,
    problem_source: row.problemSource,
  };
}

/** NeMo-Skills SFT manifest: full prompt in `input`, the target in `output` ending with EOT.
 * In the Python style the keys come in the order prepare_sft_data writes them
 * (WriteFinalSftManifest in nemo_skills/training/data_preparation_utils/preprocessing.py:
 * expected_answer first, then input and output). */
export function sftManifestObject(row: ExportRow, prompt: PromptOptions = {}, style: JsonStyle = "javascript") {
  if (style === "python") {
    return { expected_answer: row.expectedAnswer, input: llama3MathPrompt(row.problem, prompt), output: `${row.solution}${LLAMA3_EOT}` };
  }
  return {
    input: llama3MathPrompt(row.problem, prompt),
    output: `${row.solution}${LLAMA3_EOT}`,
    expected_answer: row.expectedAnswer,
  };
}

/** Chat `messages`, for trainers that apply the chat template themselves. */
export function chatMessagesObject(row: ExportRow, prompt: PromptOptions = {}) {
  return {
    messages: [
      ...(prompt.system ? [{ role: "system", content: prompt.system }] : []),
      { role: "user", content: userMessage(row.problem, prompt) },
      { role: "assistant", content: row.solution },
    ],
    expected_answer: row.expectedAnswer,
  };
}

export function exportObject(format: JsonlExportFormat, row: ExportRow, prompt: PromptOptions = {}, style: JsonStyle = "javascript"): object {
  if (format === "omi2") return omi2Object(row);
  if (format === "nemo-sft") return sftManifestObject(row, prompt, style);
  return chatMessagesObject(row, prompt);
}
