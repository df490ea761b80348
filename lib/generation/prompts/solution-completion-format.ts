// The fixed text of the recipe's base-model completion prompt (recipe section 1). Kept as
// constants because the stop sequence and the example separator must be the same string.

export const BEGIN_OF_TEXT = "<|begin_of_text|>";

export const SOLUTION_INSTRUCTION = "Solve the following math problem. Make sure to put the answer (and only answer) inside \\boxed{}.";

/** Separates few-shot examples; a base model writes it when it moves on to a new problem. */
export const SIX_NEWLINES = "\n\n\n\n\n\n";

export const SOLUTION_COMPLETION_STOP: readonly string[] = [SIX_NEWLINES];
