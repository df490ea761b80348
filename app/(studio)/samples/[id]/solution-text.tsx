"use client";
// The solution, rendered (markdown + LaTeX, the answer marked) or raw, with a copy button.
import { useState } from "react";
import type { RenderedHtml } from "@/components/math/render-math-markdown";
import { RenderedMath } from "@/components/math/rendered-math";
import { Button } from "@/components/ui/button";

/** `children`: said under the text (that only its beginning is shown, with the download). */
export function SolutionText({ html, raw, answerFound, children }: { html: RenderedHtml; raw: string; answerFound: boolean; children?: React.ReactNode }) {
  const [mode, setMode] = useState<"rendered" | "raw">("rendered");
  const [copied, setCopied] = useState(false);
  return (
    <section aria-label="Solution" className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-3 flex items-center gap-2">
        <h2 className="text-sm font-semibold text-slate-700">Solution</h2>
        {!answerFound && <span className="text-xs text-amber-700">no final answer found to highlight</span>}
        <div role="tablist" aria-label="Solution view" className="ml-auto flex overflow-hidden rounded border border-slate-300 text-xs">
          {(["rendered", "raw"] as const).map((m) => (
            <button key={m} role="tab" type="button" aria-selected={mode === m} onClick={() => setMode(m)} className={`px-2 py-1 ${mode === m ? "bg-slate-900 text-white" : "bg-white"}`}>
              {m === "rendered" ? "Rendered" : "Raw text"}
            </button>
          ))}
        </div>
        <Button
          onClick={async () => {
            await navigator.clipboard.writeText(raw);
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          }}
          size="sm"
        >
          {copied ? "Copied" : "Copy raw text"}
        </Button>
      </div>
      {mode === "rendered" ? (
        <RenderedMath html={html} className="max-w-prose leading-relaxed" />
      ) : (
        <pre data-testid="raw-solution" className="max-h-[70vh] overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-3 font-mono text-xs leading-relaxed">
          {raw}
        </pre>
      )}
      {children}
    </section>
  );
}
