// A chart's frame: a titled region with a caption saying what is counted and what a click does.
import type { ReactNode } from "react";

export function ChartFigure({ title, caption, children, id, className = "" }: { title: string; caption?: ReactNode; children: ReactNode; id?: string; className?: string }) {
  const headingId = `${id ?? title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-title`;
  return (
    <section aria-labelledby={headingId} className={`rounded-lg border border-slate-200 bg-white p-4 ${className}`}>
      <h3 id={headingId} className="text-sm font-semibold text-slate-800">
        {title}
      </h3>
      {caption && <p className="mt-0.5 text-xs text-slate-600">{caption}</p>}
      <div className="mt-3">{children}</div>
    </section>
  );
}

/** Shown instead of a chart without data, so an empty chart never looks like a broken one. */
export function ChartEmpty({ children }: { children: ReactNode }) {
  return <p className="rounded border border-dashed border-slate-300 px-3 py-6 text-center text-sm text-slate-500">{children}</p>;
}
