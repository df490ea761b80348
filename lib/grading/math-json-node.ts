// Reading MathJSON as the Compute Engine's parser emits it: numbers may be JS numbers or
// {num: "..."} objects, functions may be arrays or {fn: [...]} objects, strings are quoted.
import type { MathJson } from "@/lib/grading/latex-to-math-json";

export type Node =
  | { type: "number"; text: string; value: number }
  | { type: "symbol"; name: string }
  | { type: "string"; text: string }
  | { type: "call"; head: string; args: MathJson[] };

export function readNode(expr: MathJson): Node {
  if (typeof expr === "number") return { type: "number", text: String(expr), value: expr };
  if (typeof expr === "string") {
    if (expr.length >= 2 && expr.startsWith("'") && expr.endsWith("'")) return { type: "string", text: expr.slice(1, -1) };
    return { type: "symbol", name: expr };
  }
  if (Array.isArray(expr)) {
    const [head, ...args] = expr as unknown[];
    return { type: "call", head: typeof head === "string" ? head : "?", args: args as unknown as MathJson[] };
  }
  const obj = expr as Record<string, unknown>;
  if (typeof obj.num === "string") return { type: "number", text: obj.num, value: parseNumberText(obj.num) };
  if (typeof obj.sym === "string") return { type: "symbol", name: obj.sym };
  if (typeof obj.str === "string") return { type: "string", text: obj.str };
  if (Array.isArray(obj.fn)) return readNode(obj.fn as unknown as MathJson);
  return { type: "string", text: "?" };
}

/** MathJSON number text, including repeating decimals written "0.(3)". */
export function parseNumberText(text: string): number {
  const repeating = /^([+-]?\d*)\.(\d*)\((\d+)\)$/.exec(text);
  if (repeating) {
    const [, whole, fixed, cycle] = repeating;
    const sign = whole.startsWith("-") ? -1 : 1;
    const base = Number(`${whole.replace(/^[+-]/, "") || "0"}.${fixed || "0"}`);
    const tail = Number(cycle) / (10 ** cycle.length - 1) / 10 ** fixed.length;
    return sign * (base + tail);
  }
  if (text === "+Infinity") return Infinity;
  if (text === "-Infinity") return -Infinity;
  return Number(text);
}
