// The prompt OpenMath2 models were fine-tuned with: NeMo-Skills' `generic/math` prompt config
// rendered with its `llama3-instruct` template. The system turn is present but empty, and the
// user turn is the instruction line, a blank line, then the problem. This matches the usage
// example on the OpenMath2-Llama3.1 model cards.

export const MATH_INSTRUCTION =
  "Solve the following math problem. Make sure to put the answer (and only answer) inside \\boxed{}.";

export const LLAMA3_EOT = "<|eot_id|>";

export interface PromptOptions {
  /** Defaults to "" as in NeMo-Skills generic/math. */
  system?: string;
  /** Instruction put before the problem; null for the bare problem. */
  instruction?: string | null;
}

export function userMessage(problem: string, options: PromptOptions = {}): string {
  const instruction = options.instruction === undefined ? MATH_INSTRUCTION : options.instruction;
  return instruction === null ? problem : `${instruction}\n\n${problem}`;
}

export function llama3MathPrompt(problem: string, options: PromptOptions = {}): string {
  return (
    "<|begin_of_text|>" +
    `<|start_header_id|>system<|end_header_id|>\n\n${options.system ?? ""}${LLAMA3_EOT}` +
    `<|start_header_id|>user<|end_header_id|>\n\n${userMessage(problem, options)}${LLAMA3_EOT}` +
    "<|start_header_id|>assistant<|end_header_id|>\n\n"
  );
}
