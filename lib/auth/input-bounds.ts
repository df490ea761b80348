// Bounds every server action's input before its own schema runs, so no action can be handed a
// field the database or the page cannot hold, whatever its schema forgot: strings up to
// MAX_INPUT_STRING characters and without NUL (PostgreSQL text cannot store it), arrays up to
// MAX_INPUT_ITEMS, nesting up to MAX_INPUT_DEPTH. Schemas set tighter limits field by field.

export const MAX_INPUT_STRING = 100_000;
export const MAX_INPUT_ITEMS = 10_000;
export const MAX_INPUT_DEPTH = 8;

/** The first bound the input breaks, as "<path>: <why>", or null when it is within bounds. */
export function inputBoundViolation(input: unknown, path = "", depth = 0): string | null {
  const at = path || "input";
  if (typeof input === "string") {
    if (input.length > MAX_INPUT_STRING) return `${at}: longer than ${MAX_INPUT_STRING.toLocaleString("en-US")} characters`;
    if (input.includes("\u0000")) return `${at}: contains a NUL character`;
    return null;
  }
  if (input === null || typeof input !== "object") return null;
  if (depth >= MAX_INPUT_DEPTH) return `${at}: nested deeper than ${MAX_INPUT_DEPTH} levels`;
  if (Array.isArray(input)) {
    if (input.length > MAX_INPUT_ITEMS) return `${at}: more than ${MAX_INPUT_ITEMS.toLocaleString("en-US")} items`;
    for (let i = 0; i < input.length; i++) {
      const inner = inputBoundViolation(input[i], `${path}[${i}]`, depth + 1);
      if (inner) return inner;
    }
    return null;
  }
  const entries = Object.entries(input);
  if (entries.length > MAX_INPUT_ITEMS) return `${at}: more than ${MAX_INPUT_ITEMS.toLocaleString("en-US")} fields`;
  for (const [key, value] of entries) {
    if (key.length > 200) return `${at}: a field name longer than 200 characters`;
    const inner = inputBoundViolation(value, path ? `${path}.${key}` : key, depth + 1);
    if (inner) return inner;
  }
  return null;
}
