// Rewrites the LaTeX that datasets write and KaTeX lacks into what KaTeX has, keeping the meaning:
// - tabular (MATH's tables, text cells with "$...$" inside) becomes an array whose cells are \text{};
// - eqnarray becomes an rcl array, multline a gather, flalign an align;
// - inside an inline formula, where KaTeX refuses top-level alignment environments, align and
//   gather become aligned and gathered.
// Pure string work on one formula; the renderer calls it on every formula before KaTeX.

function rename(tex: string, from: string, to: string, arg = ""): string {
  const name = from.replace("*", "\\*");
  return tex.replace(new RegExp(`\\\\begin\\s*\\{${name}\\}`, "g"), `\\begin{${to}}${arg}`).replace(new RegExp(`\\\\end\\s*\\{${name}\\}`, "g"), `\\end{${to}}`);
}

/** Splits at `separator` where it stands outside braces and outside "$...$" (escapes skipped). */
function splitTopLevel(body: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inMath = false;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "\\" && !body.startsWith(separator, i)) {
      i++;
      continue;
    }
    if (c === "{") depth++;
    else if (c === "}") depth = Math.max(0, depth - 1);
    else if (c === "$") inMath = !inMath;
    else if (depth === 0 && !inMath && body.startsWith(separator, i)) {
      parts.push(body.slice(from, i));
      from = i + separator.length;
      i = from - 1;
    }
  }
  parts.push(body.slice(from));
  return parts;
}

/** The group in braces at `open` (which holds "{"): its content and the offset past it. */
function braceGroup(text: string, open: number): { content: string; end: number } | null {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return { content: text.slice(open + 1, i), end: i + 1 };
  }
  return null;
}

/**
 * A column spec in the subset KaTeX reads (l, c, r, |, :): "*{5}{|c}" is expanded, "@{}" and
 * "!{}" inter-column material dropped, "p{3cm}" read as l. Bounded, since a spec is untrusted.
 */
export function katexColumnSpec(spec: string, budget = { columns: 100 }): string {
  let out = "";
  for (let i = 0; i < spec.length && budget.columns > 0; i++) {
    const c = spec[i];
    if ("lcr".includes(c)) {
      out += c;
      budget.columns--;
    } else if (c === "|" || c === ":") out += c;
    else if (c === "@" || c === "!" || c === "p" || c === "m" || c === "b" || c === "*") {
      let at = i + 1;
      while (spec[at] === " ") at++;
      let count: string | null = null;
      if (c === "*") {
        const digits = /^\d+/.exec(spec.slice(at));
        const group = digits ? null : spec[at] === "{" ? braceGroup(spec, at) : null;
        count = digits ? digits[0] : (group?.content.trim() ?? null);
        at = digits ? at + digits[0].length : (group?.end ?? at);
        while (spec[at] === " ") at++;
      }
      const group = spec[at] === "{" ? braceGroup(spec, at) : null;
      if (!group) continue;
      if (c === "*") {
        const times = Math.min(Number(count) || 0, 100);
        for (let k = 0; k < times && budget.columns > 0; k++) out += katexColumnSpec(group.content, budget);
      } else if (c !== "@" && c !== "!") {
        out += "l";
        budget.columns--;
      }
      i = group.end - 1;
    }
  }
  return out || "l";
}

/** Rewrites the column spec of every \begin{array}{...} to what KaTeX reads. */
function arraySpecs(tex: string): string {
  let out = "";
  let at = 0;
  const begin = /\\begin\s*\{(?:array|darray|subarray)\}\s*/g;
  for (let m = begin.exec(tex); m; m = begin.exec(tex)) {
    const open = m.index + m[0].length;
    if (tex[open] !== "{") continue;
    const group = braceGroup(tex, open);
    if (!group) break;
    out += `${tex.slice(at, open)}{${katexColumnSpec(group.content)}}`;
    at = group.end;
    begin.lastIndex = group.end;
  }
  return out + tex.slice(at);
}

function tabularCell(cell: string): string {
  let rest = cell.replace(/\\vspace\*?\{[^}]*\}/g, "").trim();
  let rules = "";
  for (let m = /^\\hline\s*/.exec(rest); m; m = /^\\hline\s*/.exec(rest)) {
    rules += "\\hline ";
    rest = rest.slice(m[0].length);
  }
  const multi = /^\\multicolumn\s*\{[^}]*\}\s*\{[^}]*\}\s*\{([\s\S]*)\}$/.exec(rest);
  if (multi) rest = multi[1];
  return rest === "" ? rules : `${rules}\\text{${rest}}`;
}

function tabularToArray(tex: string): string {
  return tex.replace(/\\begin\s*\{tabular\}\s*(?:\[[^\]]*\])?\s*\{((?:[^{}]|\{[^{}]*\})*)\}([\s\S]*?)\\end\s*\{tabular\}/g, (_all, spec: string, body: string) => {
    const rows = splitTopLevel(body, "\\\\").map((row) => splitTopLevel(row, "&").map(tabularCell).join(" & "));
    return `\\begin{array}{${spec}}${rows.join(" \\\\ ")}\\end{array}`;
  });
}

export function normalizeTex(tex: string, display: boolean): string {
  let out = tex;
  if (out.includes("tabular")) out = tabularToArray(out);
  // KaTeX knows \arraystretch only once defined; MATH's matrices set it with \renewcommand.
  if (out.includes("\\renewcommand")) out = out.replace(/\\renewcommand\s*\{?\\arraystretch\}?/g, "\\def\\arraystretch");
  if (out.includes("array")) out = arraySpecs(out);
  if (out.includes("eqnarray")) out = rename(rename(out, "eqnarray*", "array", "{rcl}"), "eqnarray", "array", "{rcl}");
  if (out.includes("multline")) out = rename(rename(out, "multline*", "gather*"), "multline", "gather");
  if (out.includes("flalign")) out = rename(rename(out, "flalign*", "align*"), "flalign", "align");
  if (out.includes("math}")) out = out.replace(/\\(?:begin|end)\s*\{(?:displaymath|math)\}/g, "");
  if (!display) {
    for (const [from, to] of [["align*", "aligned"], ["align", "aligned"], ["gather*", "gathered"], ["gather", "gathered"], ["equation*", "aligned"], ["equation", "aligned"]]) {
      if (out.includes(from)) out = rename(out, from, to);
    }
  }
  return out;
}
