import type { ImportLocation } from "@/lib/datasets/formats/import-record";
import { ImportError } from "@/lib/datasets/formats/import-error";

// Typed access to one parsed row's fields. Every accessor throws an ImportError naming the file,
// location and field, so format mappers stay declarative.

export type Row = Record<string, unknown>;

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function fail(loc: ImportLocation, field: string, value: unknown, code: "missing-field" | "wrong-type" | "invalid-value", detail: string): never {
  throw new ImportError({ code, file: loc.file, line: loc.line, rowGroup: loc.rowGroup, row: loc.row, field, value, detail });
}

export function invalidValue(loc: ImportLocation, field: string, value: unknown, why: string): never {
  fail(loc, field, value, "invalid-value", `field "${field}" ${why}`);
}

// Module-level checks: the accessors run once per field of every imported row.
const isString = (value: unknown): value is string => typeof value === "string";
const isBoolean = (value: unknown): value is boolean => typeof value === "boolean";
const isInteger = (value: unknown): value is number | bigint => typeof value === "bigint" || (typeof value === "number" && Number.isInteger(value));

/** A field that may be absent or null; any other value must pass `accept` ("must be <what>"). */
function optionalField<T>(row: Row, field: string, loc: ImportLocation, what: string, accept: (value: unknown) => value is T): T | undefined {
  const value = row[field];
  if (value === undefined || value === null) return undefined;
  if (!accept(value)) fail(loc, field, value, "wrong-type", `field "${field}" must be ${what}, got ${typeName(value)}`);
  return value;
}

export function requireString(row: Row, field: string, loc: ImportLocation): string {
  if (row[field] === undefined) fail(loc, field, undefined, "missing-field", `field "${field}" is missing`);
  const value = optionalString(row, field, loc);
  if (value === undefined) fail(loc, field, row[field], "wrong-type", `field "${field}" must be a string, got null`);
  return value;
}

/** Like requireString, but absent/null is allowed. */
export function optionalString(row: Row, field: string, loc: ImportLocation): string | undefined {
  return optionalField(row, field, loc, "a string", isString);
}

/** Answers and levels are sometimes numbers in the wild (`"answer": 27.0`, `"level": 2`): accept
 * finite numbers and bigints and keep their usual decimal spelling. */
export function optionalText(row: Row, field: string, loc: ImportLocation): string | undefined {
  const value = row[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "bigint") return value.toString();
  fail(loc, field, value, "wrong-type", `field "${field}" must be a string or number, got ${typeName(value)}`);
}

export function requireText(row: Row, field: string, loc: ImportLocation): string {
  if (row[field] === undefined) fail(loc, field, undefined, "missing-field", `field "${field}" is missing`);
  const text = optionalText(row, field, loc);
  if (text === undefined) fail(loc, field, row[field], "wrong-type", `field "${field}" must be a string or number, got null`);
  return text;
}

export function optionalInteger(row: Row, field: string, loc: ImportLocation): number | undefined {
  const value = optionalField(row, field, loc, "an integer", isInteger);
  return typeof value === "bigint" ? Number(value) : value;
}

export function optionalBoolean(row: Row, field: string, loc: ImportLocation): boolean | undefined {
  return optionalField(row, field, loc, "a boolean", isBoolean);
}
