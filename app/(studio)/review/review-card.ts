// One item of the focused review mode, fully prepared on the server (HTML from the safe renderer).
import type { RenderedHtml } from "@/components/math/render-math-markdown";

export interface ReviewCard {
  itemId: number;
  position: number;
  stratum: string | null;
  sampleId: number;
  problemId: number;
  problemHtml: RenderedHtml;
  solutionHtml: RenderedHtml;
  goldHtml: RenderedHtml | null;
  answerHtml: RenderedHtml | null;
  verdict: string;
  verdictRule: string | null;
  verdictReason: string | null;
  reviewStatus: string;
  model: string | null;
  finishReason: string | null;
}
