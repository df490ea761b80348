// The SQL expression that renders one JSONL export line inside PostgreSQL, byte for byte what
// JSON.stringify(exportObject(format, row)) gives in JavaScript (a test compares the two on
// hostile text). It lets an export whose filters are all decidable in SQL stream straight out of
// `COPY ... TO STDOUT` instead of building every object in Node: PostgreSQL's to_json escapes
// exactly the characters JSON.stringify escapes (quote, backslash, C0 controls; lone surrogates
// cannot be stored in PostgreSQL text, so their one difference never arises).
//
// Pure: it returns SQL text for the columns p.text, p.gold_answer, p.source and s.text; constant
// parts (the Llama-3 prompt around the problem) are inlined as escaped literals, because COPY
// takes no bind parameters.
import { escapeLiteral } from "pg";
import type { JsonlExportFormat } from "@/lib/datasets/formats/export-objects";
import { LLAMA3_EOT, llama3MathPrompt, userMessage } from "@/lib/datasets/formats/llama3-math-prompt";

const HOLE = "\u0000problem\u0000";

/** The constant text before and after the problem in a rendered prompt. */
function around(render: (problem: string) => string): [string, string] {
  const [before, after] = render(HOLE).split(HOLE);
  return [before ?? "", after ?? ""];
}

/** A JSON fragment known in JavaScript, as an SQL literal. */
const json = (fragment: string) => escapeLiteral(fragment);

/** `to_json(<sql text expression>)::text`: a JSON string literal built by PostgreSQL. */
const jsonString = (sql: string) => `to_json(${sql})::text`;

const wrapped = (sqlText: string, [before, after]: [string, string]) =>
  [before ? escapeLiteral(before) : null, sqlText, after ? escapeLiteral(after) : null].filter(Boolean).join(" || ");

/** The gold answer as a JSON value: a string, or null (never "") when the problem has none. */
const ANSWER_JSON = "COALESCE(to_json(CASE WHEN p.gold_answer ~ '\\S' THEN p.gold_answer END)::text, 'null')";

/**
 * The line in three parts: what comes before the solution and what comes after it depend on the
 * problem alone (over p.text, p.gold_answer, p.source), so a query can render them once per
 * problem instead of once per solution; `solution` is over s.text.
 */
export interface SqlExportLineParts {
  head: string;
  solution: string;
  tail: string;
  /** What the solution's JSON string holds after the solution text (the SFT end-of-turn token):
   * JSON.stringify(text + solutionSuffix) is the `solution` part rendered in JavaScript. */
  solutionSuffix: string;
}

/** `solutionSql`: the SQL text expression of the solution written (s.text, or its trimmed prefix). */
export function sqlExportLineParts(format: JsonlExportFormat, solutionSql = "s.text"): SqlExportLineParts {
  const join = (parts: string[]) => parts.join(" || ");
  switch (format) {
    case "omi2":
      return {
        head: join([json('{"problem":'), jsonString("p.text"), json(',"generated_solution":')]),
        solution: jsonString(solutionSql),
        tail: join([json(',"expected_answer":'), ANSWER_JSON, json(',"problem_source":'), jsonString("p.source"), json("}")]),
        solutionSuffix: "",
      };
    case "nemo-sft":
      return {
        head: join([json('{"input":'), jsonString(wrapped("p.text", around((problem) => llama3MathPrompt(problem)))), json(',"output":')]),
        solution: jsonString(wrapped(solutionSql, ["", LLAMA3_EOT])),
        tail: join([json(',"expected_answer":'), ANSWER_JSON, json("}")]),
        solutionSuffix: LLAMA3_EOT,
      };
    case "messages":
      // No system turn: the default prompt has none (see chatMessagesObject).
      return {
        head: join([json('{"messages":[{"role":"user","content":'), jsonString(wrapped("p.text", around((problem) => userMessage(problem)))), json('},{"role":"assistant","content":')]),
        solution: jsonString(solutionSql),
        tail: join([json('}],"expected_answer":'), ANSWER_JSON, json("}")]),
        solutionSuffix: "",
      };
  }
}
