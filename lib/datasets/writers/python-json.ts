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

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be escaped
const NEEDS_ESCAPE = /[\\"\u0000-\u001f\u007f-\uffff]/g;

const SHORT: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

function escapeChar(char: string): string {
  return SHORT[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

export function pythonJsonString(text: string): string {
  return `"${text.replace(NEEDS_ESCAPE, escapeChar)}"`;
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
