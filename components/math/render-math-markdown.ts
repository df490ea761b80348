// Turns untrusted text (problems and solutions written by models or taken from datasets) into
// HTML: markdown for the prose, KaTeX for the math, the extracted answer marked in place. It is
// the only producer of HTML that pages inject, so its settings are the safety boundary:
// - markdown-it with html:false (raw HTML is shown as text), images off (no remote loads), its
//   link validator (no javascript:, vbscript:, file: or data: links), linkify off;
// - KaTeX with trust:false (\href, \url, \htmlData, \includegraphics... render as red text),
//   maxExpand and maxSize bounded (hostile macros cannot explode), a fresh macro table per span
//   (\gdef in one formula cannot redefine the next), and a length cap per formula;
// - math is cut out before markdown runs and put back as placeholders, which are only substituted
//   where they stand in text, never inside a tag (see substitute()).
import katex from "katex";
import MarkdownIt from "markdown-it";
import { findBoxes } from "@/lib/grading/extract";
import { findRenderSpans, type RenderSpan } from "@/components/math/find-render-spans";
import { normalizeTex } from "@/components/math/normalize-tex";

declare const madeHere: unique symbol;
/**
 * HTML made by this module. The brand is a type only (it survives passing the value from a server
 * to a client component as a plain object), and only this module can apply it.
 */
export interface RenderedHtml {
  readonly html: string;
  readonly [madeHere]: true;
}

const made = (html: string) => ({ html }) as RenderedHtml;

export interface RenderOptions {
  /** Offsets of the extracted answer in `text` (extractAnswer's start/end), to mark in place. */
  highlight?: { start: number; end: number } | null;
}

/** Formulas longer than this are shown as source: no real formula is, and KaTeX time grows with it. */
export const MAX_FORMULA_CHARS = 4_000;
/** Past this many formulas the rest are shown as source, to bound the page's cost. */
export const MAX_FORMULAS = 3_000;
/** Texts longer than this are not rendered at all (the raw view still shows them). */
export const MAX_RENDER_CHARS = 400_000;

const KATEX_OPTIONS = {
  throwOnError: false,
  trust: false,
  strict: "ignore",
  maxSize: 10,
  maxExpand: 200,
  output: "htmlAndMathml",
  errorColor: "#b91c1c",
} as const;

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: true });
markdown.disable(["image"]);
const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
const defaultLinkClose = markdown.renderer.rules.link_close ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
// One-line previews (renderMathInline) are shown inside the page's own links (table cells, problem
// lists); an <a> inside an <a> is invalid HTML that the browser's parser splits apart, so the
// server's markup and React's tree differ and hydration fails (React error #418). There a link
// (markdown link or <autolink>) keeps only its text.
const linksAsText = (env: unknown) => (env as { linksAsText?: boolean } | undefined)?.linksAsText === true;
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  if (linksAsText(env)) return '<span class="md-link">';
  tokens[idx].attrSet("rel", "nofollow noopener noreferrer");
  return defaultLinkOpen(tokens, idx, options, env, self);
};
markdown.renderer.rules.link_close = (tokens, idx, options, env, self) => (linksAsText(env) ? "</span>" : defaultLinkClose(tokens, idx, options, env, self));

// Private-use characters mark where a formula goes; they are removed from the input first, so a
// text cannot forge one.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

interface Segment {
  start: number;
  end: number;
  html: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function renderFormula(tex: string, display: boolean, source: string): string {
  if (tex.length > MAX_FORMULA_CHARS) return `<code class="math-source">${escapeHtml(source)}</code>`;
  try {
    return katex.renderToString(normalizeTex(tex, display), { ...KATEX_OPTIONS, displayMode: display });
  } catch {
    // throwOnError:false covers parse errors; anything else (an internal KaTeX error) shows the source.
    return `<code class="math-source">${escapeHtml(source)}</code>`;
  }
}

/**
 * An Asymptote figure: Boxed does not draw it, so its source is shown as code under a label. Spans
 * only (styled as blocks), because the figure may sit inside a markdown paragraph, where a <pre>
 * or <details> would make the browser split the paragraph and differ from the server's HTML.
 */
function renderFigure(source: string): string {
  return `<span class="asy-figure"><span class="asy-label">Figure (Asymptote source, not drawn)</span><code class="asy-source">${escapeHtml(source.trim())}</code></span>`;
}

function renderSpan(text: string, span: RenderSpan): string {
  const inner = text.slice(span.start, span.end);
  if (span.kind === "figure") return renderFigure(inner);
  if (span.kind === "drop") return "";
  if (span.kind === "calculator") return `<span class="calculator-note">${escapeHtml(text.slice(span.outerStart, span.outerEnd))}</span>`;
  return renderFormula(inner, span.display, text.slice(span.outerStart, span.outerEnd));
}

function mark(html: string): string {
  return `<mark class="answer-highlight" data-answer="">${html}</mark>`;
}

/** Formulas, bare \boxed{...} outside formulas, and the highlighted answer, as ordered segments. */
function findSegments(text: string, highlight: RenderOptions["highlight"]): Segment[] {
  const spans = findRenderSpans(text).slice(0, MAX_FORMULAS);
  const inSpan = (offset: number) => spans.some((s) => offset >= s.outerStart && offset < s.outerEnd);
  const segments: (Segment & { contains: (a: number, b: number) => boolean })[] = spans.map((s) => ({
    start: s.outerStart,
    end: s.outerEnd,
    html: renderSpan(text, s),
    contains: (a, b) => s.kind === "math" && a >= s.start && b <= s.end,
  }));
  for (const box of findBoxes(text)) {
    if (box.outerEnd < 0 || inSpan(box.outerStart) || inSpan(box.outerEnd - 1)) continue;
    if (segments.length >= MAX_FORMULAS) break;
    segments.push({
      start: box.outerStart,
      end: box.outerEnd,
      html: renderFormula(text.slice(box.outerStart, box.outerEnd), false, text.slice(box.outerStart, box.outerEnd)),
      contains: (a, b) => a >= box.start && b <= box.end,
    });
  }
  segments.sort((a, b) => a.start - b.start);
  if (highlight && highlight.start >= 0 && highlight.end > highlight.start && highlight.end <= text.length) {
    const holder = segments.find((s) => s.contains(highlight.start, highlight.end));
    if (holder) holder.html = mark(holder.html);
    else if (!segments.some((s) => s.start < highlight.end && highlight.start < s.end)) {
      segments.push({ start: highlight.start, end: highlight.end, html: mark(escapeHtml(text.slice(highlight.start, highlight.end))), contains: () => false });
      segments.sort((a, b) => a.start - b.start);
    }
  }
  return segments;
}

/** Replaces placeholders that stand in text; one inside a tag (an attribute) becomes nothing. */
function substitute(html: string, segments: Segment[]): string {
  let out = "";
  let inTag = false;
  let last = 0;
  for (let i = 0; i < html.length; i++) {
    const c = html[i];
    if (c === "<") inTag = true;
    else if (c === ">") inTag = false;
    else if (c === OPEN) {
      PLACEHOLDER.lastIndex = i;
      const m = PLACEHOLDER.exec(html);
      if (!m || m.index !== i) continue;
      out += html.slice(last, i);
      const segment = segments[Number(m[1])];
      if (!inTag && segment) out += segment.html;
      last = i + m[0].length;
      i = last - 1;
    }
  }
  return out + html.slice(last);
}

// "2*3" in prose is a product, not the start of italics: a "*" between digits (or brackets) is
// escaped for markdown, so "2*3 and 4*5" does not italicise " and 4".
const PRODUCT_STAR = /(?<=[\d)\]])\*(?=[\d(.[])/g;

function withPlaceholders(text: string, segments: Segment[]): string {
  const prose = (from: number, to: number) => text.slice(from, to).replace(PRODUCT_STAR, "\\*");
  let out = "";
  let at = 0;
  segments.forEach((segment, index) => {
    out += prose(at, segment.start) + OPEN + index + CLOSE;
    at = segment.end;
  });
  return out + prose(at, text.length);
}

function render(text: string, options: RenderOptions, inline: boolean): RenderedHtml {
  if (text.length > MAX_RENDER_CHARS) {
    return made(`<pre class="whitespace-pre-wrap">${escapeHtml(text)}</pre>`);
  }
  // Same length, so answer offsets stay valid.
  const clean = text.replace(/[\uE000\uE001]/g, "\uFFFD");
  const segments = findSegments(clean, options.highlight);
  const source = withPlaceholders(clean, segments);
  const html = inline ? markdown.renderInline(source, { linksAsText: true }) : markdown.render(source);
  return made(substitute(html, segments));
}

/** A whole solution or problem: paragraphs, lists, code, formulas. */
export function renderMathMarkdown(text: string, options: RenderOptions = {}): RenderedHtml {
  return render(text, options, false);
}

/** One line of text (a table cell): inline markdown and formulas, no blocks, links as their text. */
export function renderMathInline(text: string): RenderedHtml {
  return render(text, {}, true);
}

/** One formula given as LaTeX without delimiters (an extracted or gold answer). */
export function renderLatex(tex: string, display = false): RenderedHtml {
  return made(renderFormula(tex, display, tex));
}
