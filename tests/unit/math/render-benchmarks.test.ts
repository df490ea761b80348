// Protects: every problem and reference solution of GSM8K test and MATH test renders the way the
// pages render it (renderMathMarkdown for a page, renderMathInline for a table cell) with no KaTeX
// error, no raw "\begin{" left as text, and no prose typeset as math (money read as formulas).
// The counts are written to docs/review.md ("Rendering the benchmarks").
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderMathInline, renderMathMarkdown } from "@/components/math/render-math-markdown";
import { hasSharedData, sharedDataPath } from "@/tests/support/shared-data";

interface Text {
  where: string;
  text: string;
}

function texts(file: string, fields: string[]): Text[] {
  return readFileSync(sharedDataPath(file), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .flatMap((line, index) => {
      const row = JSON.parse(line) as Record<string, string>;
      return fields.map((field) => ({ where: `${file}:${index + 1} ${field}`, text: row[field] }));
    });
}

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** The LaTeX source of every formula KaTeX typeset (its MathML annotation). */
const formulas = (html: string) => [...html.matchAll(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g)].map((m) => decode(m[1]));

/** What a reader sees as text: tags, the hidden MathML source and Asymptote figures' code removed. */
const visibleText = (html: string) =>
  decode(html.replace(/<annotation[\s\S]*?<\/annotation>/g, "").replace(/<code class="asy-source">[\s\S]*?<\/code>/g, "").replace(/<[^>]+>/g, ""));

// Written apart from the renderer's own prose rule (components/math/dollar-math.ts) so the two can
// disagree: three or more running words of three letters or more, once text-mode arguments and
// command names are gone, is a sentence set in math italics.
export function proseInFormula(tex: string): string | null {
  const bare = tex.replace(/\\(?:text\w*|mbox|mathrm|operatorname|textbf|emph)\s*\{(?:[^{}]|\{[^{}]*\})*\}/g, " ").replace(/\\[a-zA-Z]+/g, " ");
  // Words are written in lower case after their first letter; "GGGBBBB, BGGGBBB" are strings of symbols.
  const m = /[A-Za-z][a-z]{2,}[ ,.]+[A-Za-z][a-z]{2,}[ ,.]+[A-Za-z][a-z]{2,}/.exec(bare);
  return m ? m[0] : null;
}

interface Findings {
  texts: number;
  formulas: number;
  katexErrors: string[];
  rawEnvironments: string[];
  prose: string[];
}

function audit(items: Text[]): Findings {
  const found: Findings = { texts: items.length, formulas: 0, katexErrors: [], rawEnvironments: [], prose: [] };
  for (const { where, text } of items) {
    for (const html of [renderMathMarkdown(text).html, renderMathInline(text).html]) {
      const all = formulas(html);
      found.formulas += all.length;
      if (html.includes("katex-error")) found.katexErrors.push(`${where}: ${/title="([^"]*)"/.exec(html.slice(html.indexOf("katex-error")))?.[1] ?? ""}`);
      if (visibleText(html).includes("\\begin{")) found.rawEnvironments.push(where);
      for (const tex of all) {
        const prose = proseInFormula(tex);
        if (prose) found.prose.push(`${where}: "${prose}" in $${tex.slice(0, 80)}$`);
      }
    }
  }
  return found;
}

describe.skipIf(!hasSharedData)("rendering GSM8K test and MATH test as the pages do", () => {
  it("has checks that do catch prose in a formula, a raw environment and a KaTeX error", () => {
    expect(proseInFormula("735. A computer shop accepts payment in installments of ")).not.toBeNull();
    expect(proseInFormula("\\text{the area of the square} = 4x^2")).toBeNull();
    expect(proseInFormula("\\text{the units digit of $7^{2}$ is 9}")).toBeNull();
    expect(visibleText("<p>\\begin{align*}a\\end{align*}</p>")).toContain("\\begin{");
    expect(renderMathMarkdown("$\\frac{1}{$").html).toContain("katex-error");
  });

  it.each([
    ["gsm8k/test.jsonl", ["question", "answer"]],
    ["math/test.jsonl", ["problem", "solution"]],
  ])("%s renders without KaTeX errors, raw environments or prose as math", (file, fields) => {
    const found = audit(texts(file, fields));
    console.info(`${file}: ${found.texts} texts, ${found.formulas} formulas typeset (page + cell), ${found.katexErrors.length} KaTeX errors, ${found.rawEnvironments.length} raw \\begin{, ${found.prose.length} prose in math`);
    expect(found.katexErrors.slice(0, 40)).toEqual([]);
    expect(found.rawEnvironments.slice(0, 40)).toEqual([]);
    expect(found.prose.slice(0, 20)).toEqual([]);
  }, 300_000);

  it("keeps GSM8K train's money as money: no formula in a question with two or more dollar signs holds a sentence", () => {
    const questions = texts("gsm8k/train.jsonl", ["question"]).filter(({ text }) => (text.match(/\$/g) ?? []).length >= 2);
    expect(questions.length).toBe(1360);
    const found = audit(questions);
    console.info(`gsm8k/train.jsonl: ${questions.length} questions with 2+ "$", ${found.formulas} formulas typeset`);
    expect(found.prose).toEqual([]);
    expect(found.katexErrors).toEqual([]);
  });
});
