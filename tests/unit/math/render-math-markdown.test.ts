// Protects: untrusted problem and solution texts render to inert HTML (no script, no event
// handler, no javascript: link, no raw HTML), hostile LaTeX stays bounded, and the extracted
// answer is marked where it stands.
import { describe, expect, it } from "vitest";
import { renderMathInline, renderMathMarkdown } from "@/components/math/render-math-markdown";
import { extractAnswer } from "@/lib/grading/extract";

// Every literal "<" of the output starts a tag (text is escaped), so scanning tags and their
// attributes sees exactly what a browser would build.
const ALLOWED_TAGS = /^(p|br|strong|em|code|pre|ul|ol|li|blockquote|h[1-6]|hr|a|mark|span|table|thead|tbody|tr|th|td|del|s|math|semantics|annotation|mrow|mi|mn|mo|mtext|mspace|msup|msub|msubsup|mfrac|msqrt|mroot|mstyle|mover|munder|munderover|mtable|mtr|mtd|mpadded|mphantom|menclose|merror|mglyph|mlabeledtr|svg|path|line)$/;

function expectInert(html: string) {
  const tags = html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g);
  for (const [, name, attrs] of tags) {
    expect(name.toLowerCase()).toMatch(ALLOWED_TAGS);
    for (const [, attr, value] of attrs.matchAll(/([^\s=/]+)\s*=\s*"([^"]*)"/g)) {
      expect(attr.toLowerCase()).not.toMatch(/^on|^srcdoc$|^formaction$|^src$/);
      if (attr === "href") expect(value).toMatch(/^(https?:|#|\/)/);
      if (attr === "style") expect(value).not.toMatch(/url\(|expression|javascript/i);
    }
  }
  expect(html).not.toMatch(/<script/i);
}

const HOSTILE = [
  "<script>window.__pwned = 1</script>",
  '<img src=x onerror="window.__pwned=1">',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[c](vbscript:msgbox(1)) [d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![x](javascript:alert(1))",
  "![tracker](http://evil.example/pixel.png)",
  "$\\href{javascript:alert(1)}{click}$",
  "$\\url{javascript:alert(1)}$",
  "$\\htmlData{onerror=alert(1)}{x}$",
  "$\\htmlClass{x\" onmouseover=\"alert(1)}{x}$",
  "$\\htmlStyle{background:url(javascript:alert(1))}{x}$",
  "$\\includegraphics{http://evil.example/x.png}$",
  '$\\text{"><script>alert(1)</script>}$',
  "$\\color{red;background:url(javascript:alert(1))}{x}$",
  '[a](http://x.example "$x$") [b](http://y.example "\uE0000\uE001")',
  "\uE0000\uE001 and \uE0001\uE001",
  "<a href='javascript:alert(1)'>x</a>",
  "<svg/onload=alert(1)>",
  "```\n<script>alert(1)</script>\n```",
  // The renderer's own segments: figures, calculator notes, environments outside formulas, money.
  "[asy]</code></span><script>alert(1)</script><img src=x onerror=alert(1)>[/asy]",
  '<<"><img src=x onerror=alert(1)>=1>> and <<1=<script>>>',
  "\\begin{tabular}{c} \\href{javascript:alert(1)}{x} & <img src=x onerror=alert(1)> \\\\ \\end{tabular}",
  "\\begin{align*} \\htmlData{onerror=alert(1)}{x} &= \\url{javascript:alert(1)} \\end{align*}",
  "\\begin{center}<script>alert(1)</script>\\end{center}",
  "costs $5 <script>alert(1)</script> and $6 [x](javascript:alert(1))",
];

describe("renderMathMarkdown", () => {
  it("has a checker that does catch live markup", () => {
    for (const bad of ['<img src=x onerror="x()">', '<a href="javascript:x()">', "<script>x()</script>", '<span style="background:url(x)">']) {
      expect(() => expectInert(bad)).toThrow();
    }
  });

  it.each(HOSTILE)("keeps %j inert", (input) => {
    expectInert(renderMathMarkdown(input).html);
    expectInert(renderMathInline(input).html);
  });

  it("shows raw HTML as text instead of interpreting it", () => {
    const { html } = renderMathMarkdown("<script>alert(1)</script> and <b>bold</b>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;bold&lt;/b&gt;");
  });

  it("refuses untrusted KaTeX commands, showing them as error text", () => {
    const { html } = renderMathMarkdown("$\\href{javascript:alert(1)}{click}$");
    expect(html).not.toMatch(/<a[\s>]/);
    expect(html).toContain("#b91c1c");
  });

  it("bounds hostile macros: self-expanding definitions stop with an error, in time", () => {
    const started = performance.now();
    const bombs = [
      "$\\def\\a{\\a\\a}\\a$",
      "$\\def\\x{xxxxxxxxxx}\\def\\y{\\x\\x\\x\\x\\x\\x\\x\\x\\x\\x}\\def\\z{\\y\\y\\y\\y\\y\\y\\y\\y\\y\\y}\\z\\z\\z\\z\\z\\z\\z\\z\\z\\z\\z$",
      "$\\rule{100000em}{100000em}$",
      `$${"\\frac{".repeat(3000)}1${"}".repeat(3000)}$`,
    ];
    for (const input of bombs) {
      const { html } = renderMathMarkdown(input);
      expectInert(html);
      expect(html.length).toBeLessThan(200_000);
    }
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("does not let \\gdef in one formula change the next", () => {
    const { html } = renderMathMarkdown("$\\gdef\\two{3}\\two$ and $\\two$");
    // The second formula does not know \two: KaTeX shows it as an undefined control sequence.
    expect(html).toContain("#b91c1c");
  });

  it("renders markdown and formulas", () => {
    const { html } = renderMathMarkdown("**Step 1.** We have $x^2 = 4$, so\n\n$$x = \\pm 2.$$\n\n- a list item");
    expect(html).toContain("<strong>Step 1.</strong>");
    expect(html).toContain('class="katex"');
    expect(html).toContain("katex-display");
    expect(html).toContain("<li>a list item</li>");
  });

  it("keeps safe links, marked nofollow", () => {
    const { html } = renderMathMarkdown("[docs](https://example.org/a)");
    expect(html).toContain('href="https://example.org/a"');
    expect(html).toContain('rel="nofollow noopener noreferrer"');
  });

  it("marks the extracted answer in place, inside a formula", () => {
    const text = "So the total is $\\boxed{\\frac{3}{8}}$. Done.";
    const extracted = extractAnswer(text);
    if (!extracted.ok) throw new Error("expected an answer");
    const { html } = renderMathMarkdown(text, { highlight: extracted });
    expect(html.match(/answer-highlight/g)).toHaveLength(1);
    const marked = html.slice(html.indexOf("answer-highlight"));
    expect(marked).toContain("katex");
    expect(html.indexOf("So the total is")).toBeLessThan(html.indexOf("answer-highlight"));
  });

  it("marks a bare \\boxed{} outside formulas, rendered as math", () => {
    const text = "Therefore the answer is \\boxed{42}.";
    const extracted = extractAnswer(text);
    if (!extracted.ok) throw new Error("expected an answer");
    const { html } = renderMathMarkdown(text, { highlight: extracted });
    expect(html).toContain("answer-highlight");
    expect(html).toContain("katex");
    // The source survives only inside MathML's <annotation>, never as visible text.
    expect(html.replace(/<annotation[^>]*>.*?<\/annotation>/gs, "")).not.toContain("\\boxed");
  });

  it("marks a plain-text answer (phrase fallback) as escaped text", () => {
    const text = "The final answer is <b>7</b>. I hope it is correct.";
    const { html } = renderMathMarkdown(text, { highlight: { start: 20, end: 28 } });
    expect(html).toContain('<mark class="answer-highlight" data-answer="">&lt;b&gt;7&lt;/b&gt;</mark>');
  });

  it("renders one line for table cells without block markup", () => {
    const { html } = renderMathInline("Find $x$ if $2x = 6$.");
    expect(html).not.toContain("<p>");
    expect(html.match(/class="katex"/g)).toHaveLength(2);
  });
});
