// JSON text exactly as Python's `json.dumps(value)` writes it with its defaults, so a file of ours
// can be byte-compared with one NeMo-Skills wrote (every NeMo-Skills writer is
// `fout.write(json.dumps(obj) + "\n")`):
// - separators ", " between items and ": " after keys (JSON.stringify uses none);
// - ensure_ascii: every character outside printable ASCII (0x20-0x7e) escaped as \uXXXX with
//   lowercase hex, characters beyond the BMP as their UTF-16 surrogate pair (JSON.stringify
//   writes them raw), DEL (0x7f) included;
// - \" \\ \n \r \t \b \f as short escapes; "/" not escaped;
// - keys in insertion order (a Python dict keeps it too).
// Numbers are written as JavaScript writes them, which is Python's spelling for integers (the only
// numbers our exports hold); JavaScript cannot tell 2.0 from 2, so a float that is a whole number
// comes out as "2" where Python would write "2.0".

// JSON.stringify already escapes the quote, the backslash and C0 controls exactly as json.dumps does
// (the same short escapes, \u00XX in lowercase otherwise), natively and fast; what json.dumps escapes
// on top (ensure_ascii) is everything from DEL up, a UTF-16 code unit at a time.
const NON_ASCII = /[\u007f-\uffff]/g;

function escapeCodeUnit(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

export function pythonJsonString(text: string): string {
  return JSON.stringify(text).replace(NON_ASCII, escapeCodeUnit);
}

function pythonNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as JSON`);
  // Python's repr puts two exponent digits at least: 1e-07, 1e+16.
  return String(value).replace(/e([+-])(\d)$/, "e$10$2");
}

export function pythonJsonDumps(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return pythonJsonString(value);
    case "number":
      return pythonNumber(value);
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return value.toString();
    case "object": {
      if (Array.isArray(value)) return `[${value.map((item) => pythonJsonDumps(item === undefined ? null : item)).join(", ")}]`;
      const parts: string[] = [];
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        if (item === undefined) continue;
        parts.push(`${pythonJsonString(key)}: ${pythonJsonDumps(item)}`);
      }
      return `{${parts.join(", ")}}`;
    }
    default:
      throw new Error(`cannot write a ${typeof value} as JSON`);
  }
}
