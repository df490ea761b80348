// Protects: a "$" used as money is never typeset as math, while MATH's formulas (digits first,
// spaces inside, words glued after) stay formulas. Examples are written here, not taken from the
// datasets; tests/unit/math/render-benchmarks.test.ts checks the real files.
import { describe, expect, it } from "vitest";
import { findRenderSpans } from "@/components/math/find-render-spans";
import { renderMathInline, renderMathMarkdown } from "@/components/math/render-math-markdown";

/** The formulas the renderer would typeset, as source. */
const formulas = (text: string) => findRenderSpans(text).filter((s) => s.kind === "math").map((s) => text.slice(s.start, s.end));

describe("dollar signs: money or math", () => {
  it.each([
    "A bike costs $735. A repair shop accepts payment in installments of $51 per month.",
    "Tickets are $12 for adults and $8 for children.",
    "She paid $5 and he paid $10.",
    "Apples sell for $.5 each and pears for $.75 each.",
    "He spends $15+$23=$<<15+23=38>>38 in total.",
    "Each shirt is 10$ and each hat costs 4$ at the fair.",
    "I spent 100$ for two face creams and 60$ for lotion.",
    "The bill is $45 + $ 42 = $87.",
    "Rent went from $1,200 to $1,350, a rise of $150.",
    "A pen is $2, a book is $14, and a bag is $30.",
    "Pay $5 now and 10$later.",
    "She makes 9 * 2 = $<<9*2=18>>18 every day.\nHe makes 3 * 4 = $<<3*4=12>>12 more.",
  ])("keeps the money in %j as text", (text) => {
    expect(formulas(text)).toEqual([]);
    expect(renderMathMarkdown(text).html).not.toContain("katex");
  });

  it.each([
    ["Find $x^2$ when $x = 3$.", ["x^2", "x = 3"]],
    ["There are $2$ apples and $13$ pears.", ["2", "13"]],
    ["the $13$th term and a $5$-digit number", ["13", "5"]],
    ["so $ f(x) $ is even", [" f(x) "]],
    ["we have $0=-4(9)+b $, so", ["0=-4(9)+b "]],
    ["he pays $\\$$35 for it", ["\\$"]],
    ["there are $3\\cdot 2^{n-1}\\ n$-letter words", ["3\\cdot 2^{n-1}\\ n"]],
    ["Since $\\triangle ABC \\sim \\triangle DEF$, the sides are", ["\\triangle ABC \\sim \\triangle DEF"]],
    ["$$\\frac{a}{b}$$ and $\\text{the area of the square} = 9$", ["\\frac{a}{b}", "\\text{the area of the square} = 9"]],
  ])("keeps the formulas of %j", (text, expected) => {
    expect(formulas(text)).toEqual(expected);
  });

  it("shows money as the dollar amounts the text wrote, not italics", () => {
    const { html } = renderMathInline("It costs $735. A computer shop accepts payment in installments of $51 per month.");
    expect(html).toContain("$735. A computer shop accepts payment in installments of $51 per month.");
  });

  it("keeps GSM8K's calculator notes as quiet text, with no italics from their '*'", () => {
    const { html } = renderMathMarkdown("He buys 2*3=<<2*3=6>>6 pens and 4*5=<<4*5=20>>20 pads.");
    expect(html).not.toContain("<em>");
    expect(html).toContain('<span class="calculator-note">&lt;&lt;2*3=6&gt;&gt;</span>');
    expect(html).toContain("2*3=");
  });
});

describe("LaTeX environments outside formulas", () => {
  it("typesets align*, with its row breaks intact", () => {
    const { html } = renderMathMarkdown("Therefore \\begin{align*}\na &= b \\\\\nc &= d\n\\end{align*} as claimed.");
    expect(html).toContain("katex-display");
    expect(html).not.toContain("katex-error");
    // Two rows: KaTeX lays each out in its own vlist row; the source keeps "\\".
    expect(html).toContain("a &amp;= b \\\\");
  });

  it.each([
    ["tabular with formulas in cells", "\\begin{tabular}{c|c}\n$x$ & Number of $y$ values \\\\ \\hline\n$\\pm5$ & 1\n\\end{tabular}"],
    ["eqnarray*", "\\begin{eqnarray*}\na &=& b \\\\\nc &=& d\n\\end{eqnarray*}"],
    ["array with @{} and *{n}{...} column specs", "\\[\\begin{array}{r@{}c*{3}{|c}} 1 & 2 & 3 & 4 & 5 \\end{array}\\]"],
    ["multline", "\\begin{multline}a+b\\\\+c\\end{multline}"],
    ["pmatrix with \\renewcommand{\\arraystretch}", "\\[\\renewcommand{\\arraystretch}{1.5}\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}\\]"],
    ["align* inside an inline formula", "$\\begin{align*} a &= b \\end{align*}$"],
  ])("renders %s without an error or raw source", (_name, text) => {
    const { html } = renderMathMarkdown(text);
    expect(html).toContain("katex");
    expect(html).not.toContain("katex-error");
    expect(html.replace(/<annotation[\s\S]*?<\/annotation>/g, "")).not.toContain("\\begin{");
  });

  it("shows an Asymptote figure as its source, its labels not typeset", () => {
    const { html } = renderMathMarkdown('See the figure. [asy]\ndraw((0,0)--(1,1));\nlabel("$A$", (0,0), SW);\n[/asy] Then');
    expect(html).toContain('<code class="asy-source">draw((0,0)--(1,1));\nlabel(&quot;$A$&quot;, (0,0), SW);</code>');
    expect(html).not.toContain("katex");
  });

  it("drops \\begin{center} around a table", () => {
    const { html } = renderMathMarkdown("\\begin{center}\\begin{tabular}{cc} a & b \\end{tabular}\\end{center}");
    expect(html).not.toContain("{center}");
    expect(html).toContain("katex-display");
  });
});
