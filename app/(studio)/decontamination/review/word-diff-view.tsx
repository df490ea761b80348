// A word diff of the synthesized problem (left) against one benchmark problem: words only in the
// synthesized problem are struck through, words only in the benchmark problem are underlined,
// numbers and names are marked so "same problem, other numbers/people" shows at a glance.
import type { DiffPart } from "@/lib/decontamination/word-diff";

const KIND_CLASS = { number: "font-semibold ring-1 ring-amber-500", name: "italic ring-1 ring-violet-500" } as const;

export function WordDiffView({ parts, label }: { parts: DiffPart[]; label: string }) {
  return (
    <p className="rounded bg-slate-50 p-2 font-mono text-xs leading-6 text-slate-800">
      <span className="sr-only">{label}: </span>
      {parts.map((p, i) => {
        const kind = p.kind ? KIND_CLASS[p.kind] : "";
        const text = `${p.text} `;
        if (p.op === "del")
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: diff parts have no identity beyond their position
            <del key={i} title={`only in the synthesized problem${p.kind ? ` (${p.kind})` : ""}`} className={`rounded bg-rose-100 px-0.5 text-rose-900 ${kind}`}>
              {text}
            </del>
          );
        if (p.op === "add")
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            <ins key={i} title={`only in the benchmark problem${p.kind ? ` (${p.kind})` : ""}`} className={`rounded bg-emerald-100 px-0.5 text-emerald-900 ${kind}`}>
              {text}
            </ins>
          );
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={i} className={kind ? `rounded px-0.5 ${kind}` : ""}>
            {text}
          </span>
        );
      })}
    </p>
  );
}

export function WordDiffLegend() {
  return (
    <p className="text-xs text-slate-600">
      Diff: <del className="rounded bg-rose-100 px-0.5 text-rose-900">only in the synthesized problem</del>{" "}
      <ins className="rounded bg-emerald-100 px-0.5 text-emerald-900">only in the benchmark problem</ins>{" "}
      <span className="rounded px-0.5 font-semibold ring-1 ring-amber-500">number</span> <span className="rounded px-0.5 italic ring-1 ring-violet-500">name</span>
    </p>
  );
}
