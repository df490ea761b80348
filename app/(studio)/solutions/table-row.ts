// A row of the solutions table as the client receives it: the query's row plus HTML rendered on
// the server by the safe math renderer (the client bundle carries no KaTeX or markdown-it).
import type { RenderedHtml } from "@/components/math/render-math-markdown";
import type { SolutionRow } from "@/lib/solutions/find-solutions";

export interface TableRow extends SolutionRow {
  problemHtml: RenderedHtml;
  answerHtml: RenderedHtml | null;
  goldHtml: RenderedHtml | null;
}
