// Chat-format rows: {"messages": [{"role": "system"|"user"|"assistant", "content": "..."}, ...]},
// the SFT shape Boxed itself exports as `messages`. The user turn is the problem; every assistant
// turn after it is a solution a model wrote. A gold answer comes only from the row's own
// `expected_answer` (never from the assistant's text: a generated solution is not a label).
import type { ImportLocation, ImportRecord } from "@/lib/datasets/formats/import-record";
import { invalidValue, optionalString, optionalText, type Row } from "@/lib/datasets/formats/row-fields";
import { ImportError } from "@/lib/datasets/formats/import-error";
import { rowSourceKey } from "@/lib/datasets/formats/source-key";

const ROLES = new Set(["system", "user", "assistant"]);

function wrongType(loc: ImportLocation, field: string, value: unknown, detail: string): never {
  const got = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  throw new ImportError({ code: "wrong-type", file: loc.file, line: loc.line, rowGroup: loc.rowGroup, row: loc.row, field, value, detail: `${detail}, got ${got}` });
}

export function messagesRecord(row: Row, loc: ImportLocation, idField?: string): ImportRecord {
  const messages = row.messages;
  if (messages === undefined) {
    throw new ImportError({ code: "missing-field", file: loc.file, line: loc.line, rowGroup: loc.rowGroup, row: loc.row, field: "messages", detail: 'field "messages" is missing' });
  }
  if (!Array.isArray(messages)) wrongType(loc, "messages", messages, 'field "messages" must be an array of {role, content}');
  let problem: string | null = null;
  const solutions: string[] = [];
  messages.forEach((message: unknown, i: number) => {
    const field = `messages[${i}]`;
    if (message === null || typeof message !== "object" || Array.isArray(message)) wrongType(loc, field, message, `field "${field}" must be an object {role, content}`);
    const { role, content } = message as { role?: unknown; content?: unknown };
    if (typeof role !== "string" || !ROLES.has(role)) invalidValue(loc, `${field}.role`, role, "must be system, user or assistant");
    if (typeof content !== "string") wrongType(loc, `${field}.content`, content, `field "${field}.content" must be a string`);
    if (role === "system") {
      if (problem !== null) invalidValue(loc, `${field}.role`, role, "is a system turn after the conversation started");
    } else if (role === "user") {
      // One problem per row: a second user turn would make the answers depend on a conversation.
      if (problem !== null) invalidValue(loc, `${field}.role`, role, "is a second user turn; one row is one problem (user) and its solutions (assistant)");
      problem = content;
    } else {
      if (problem === null) invalidValue(loc, `${field}.role`, role, "comes before any user turn");
      solutions.push(content);
    }
  });
  if (problem === null) invalidValue(loc, "messages", messages, "has no user turn (the problem)");
  const gold = optionalText(row, "expected_answer", loc);
  const source = optionalString(row, "problem_source", loc);
  return {
    location: loc,
    sourceKey: rowSourceKey(row, loc, idField),
    problem: problem as string,
    goldAnswer: gold ?? null,
    goldSource: gold === undefined ? null : "dataset",
    ...(source !== undefined && { problemSource: source }),
    metadata: {},
    // Assistant turns are generated solutions: FORMAT_PROVENANCE says so for the whole import.
    solutions: solutions.map((text, sampleIndex) => ({ text, sampleIndex })),
  };
}
