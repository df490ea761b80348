import { readFileSync } from "node:fs";
import { join } from "node:path";
import { countTokens } from "gpt-tokenizer/encoding/cl100k_base";
import { describe, expect, it } from "vitest";
import { countBoxed, findBoxes } from "@/lib/grading/extract";
import { countApproxTokens, exceedsTokens } from "@/lib/grading/filters/count-tokens";
import { incorrectArithmeticReason } from "@/lib/grading/filters/drop-incorrect-arithmetic";
import { filterTokens, measureSolution, solutionFilterInputs } from "@/lib/grading/filters/filter-inputs";
import { trimAfterBoxed } from "@/lib/grading/filters/trim-after-boxed";

const PAD = "We work it out carefully, one step after the other. ".repeat(5);

describe("solutionFilterInputs", () => {
  it("one stored token measure answers every bound as exceedsTokens does", () => {
    // Emoji are several tokens per character: a text shorter than the bound can have more tokens.
    for (const text of ["😀".repeat(40), "short", PAD, `${"数学".repeat(30)} \\boxed{1}`]) {
      for (const max of [0, 5, 20, 39, 40, 41, 60, 200]) expect(filterTokens(text) > max, `${text.slice(0, 10)} ${max}`).toBe(exceedsTokens(text, max));
    }
  });

  it("describes the trimmed solution; the SQL prefix counts code points, JavaScript's length UTF-16 units", () => {
    const solution = `𝔸 ${PAD}\nSo 3 + 4 = 7 and \\boxed{7}.\nI hope it is correct: 2 + 2 = 5.`;
    const trimmed = trimAfterBoxed(solution);
    const f = solutionFilterInputs("What is 3 + 4?", solution);
    expect(trimmed).not.toBe(solution);
    expect(f).toEqual({
      boxedCount: countBoxed(solution),
      trimmedChars: [...trimmed].length,
      trimmedLength: trimmed.length,
      trimmedTokens: filterTokens(trimmed),
      // The wrong sum after the answer is trimmed away: the check reads the trimmed text.
      arithmeticError: null,
      problemTokens: filterTokens("What is 3 + 4?"),
    });
    expect(f.trimmedChars).toBe(f.trimmedLength - 1);
    expect(incorrectArithmeticReason({ problem: "", solution })).not.toBeNull();
  });

  it("untrimmed: the full token count grading stores, and nothing to cut", () => {
    const solution = `${PAD}\n3 + 4 = 8, so \\boxed{7} and \\boxed{7}.`;
    const f = solutionFilterInputs("What is 3 + 4?", solution);
    expect(f).toMatchObject({ boxedCount: 2, trimmedChars: null, trimmedLength: solution.length, trimmedTokens: countApproxTokens(solution) });
    expect(f.arithmeticError).toMatch(/3 \+ 4 = 8/);
    expect(solutionFilterInputs("What is 3 + 4?", solution, { untrimmedTokens: 7, problemTokens: 3 })).toMatchObject({ trimmedTokens: 7, problemTokens: 3 });
  });
});

describe("measureSolution", () => {
  // The values as each filter's own function gives them, the library counting every text.
  const tokens = (text: string) => countTokens(text, { disallowedSpecial: new Set<string>() });
  function separately(problem: string, solution: string) {
    const trimmed = trimAfterBoxed(solution);
    const same = trimmed === solution;
    return {
      tokenCount: tokens(solution),
      inputs: {
        boxedCount: countBoxed(solution),
        trimmedChars: same ? null : [...trimmed].length,
        trimmedLength: trimmed.length,
        trimmedTokens: same ? tokens(solution) : Math.min(trimmed.length, tokens(trimmed)),
        arithmeticError: incorrectArithmeticReason({ problem, solution: trimmed }),
        problemTokens: Math.min(problem.length, tokens(problem)),
      },
    };
  }
  const math = readFileSync(join(process.cwd(), "..", "shared", "data", "math", "test.jsonl"), "utf8")
    .trim()
    .split("\n")
    .slice(0, 100)
    .map((l) => JSON.parse(l) as { problem: string; solution: string });

  it("gives what the filters' own functions give, reading the text once", () => {
    for (const { problem, solution } of math) {
      const variants = [
        solution,
        `${solution}\nI hope it is correct.`, // trimmed after the answer's line
        `${solution.replaceAll("\n", "\r\n")} \\boxed{1}\r\n\r\n2 + 2 = 5\r\n`, // CRLF, two boxes, a wrong sum cut away
        `\\boxed{${solution.length}}\n  ${solution}`, // the answer on the first line, the rest indented
        `😀 ${solution}\n\\boxed{\n1}\n\n`, // a box closing on another line, newlines at the end
      ];
      for (const text of variants) {
        const expected = separately(problem, text);
        expect(measureSolution(problem, text), text.slice(0, 80)).toEqual(expected);
        expect(measureSolution(problem, text, { boxes: findBoxes(text), problemTokens: expected.inputs.problemTokens })).toEqual(expected);
        expect(solutionFilterInputs(problem, text)).toEqual(expected.inputs);
      }
    }
  });
});
