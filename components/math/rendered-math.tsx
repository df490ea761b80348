// Shows HTML produced by render-math-markdown.ts, and nothing else: the prop type only accepts its
// result, so no other string can reach dangerouslySetInnerHTML through this component.
import type { RenderedHtml } from "@/components/math/render-math-markdown";

export function RenderedMath({ html, inline = false, className = "" }: { html: RenderedHtml; inline?: boolean; className?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the only input is render-math-markdown's output (typed), which is the safety boundary
  if (inline) return <span className={`math-inline ${className}`} dangerouslySetInnerHTML={{ __html: html.html }} />;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: as above
  return <div className={`math-prose ${className}`} dangerouslySetInnerHTML={{ __html: html.html }} />;
}
