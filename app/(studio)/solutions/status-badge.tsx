// Small coloured labels for verdicts, review and contamination states.
const TONES: Record<string, string> = {
  equal: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  not_equal: "bg-rose-50 text-rose-800 ring-rose-200",
  undecided: "bg-amber-50 text-amber-800 ring-amber-200",
  no_answer: "bg-slate-100 text-slate-700 ring-slate-200",
  ungraded: "bg-slate-50 text-slate-500 ring-slate-200",
  accepted: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  rejected: "bg-rose-50 text-rose-800 ring-rose-200",
  unsure: "bg-amber-50 text-amber-800 ring-amber-200",
  unreviewed: "bg-slate-50 text-slate-500 ring-slate-200",
  clean: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  cleared: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  contaminated: "bg-rose-50 text-rose-800 ring-rose-200",
  flagged: "bg-orange-50 text-orange-800 ring-orange-200",
  candidate: "bg-amber-50 text-amber-800 ring-amber-200",
  judge_failed: "bg-amber-50 text-amber-800 ring-amber-200",
  unchecked: "bg-slate-50 text-slate-500 ring-slate-200",
};

export function StatusBadge({ value }: { value: string }) {
  return <span className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ring-inset ${TONES[value] ?? TONES.ungraded}`}>{value.replace(/_/g, " ")}</span>;
}

/** Where a solution came from. Only references are marked loudly: they are the exception a
 * curator must not mistake for model output (exports and insights leave them out by default). */
export function ProvenanceBadge({ provenance }: { provenance: "generated" | "reference" }) {
  const tone = provenance === "reference" ? "bg-violet-50 text-violet-800 ring-violet-200" : "bg-sky-50 text-sky-800 ring-sky-200";
  return (
    <span
      data-provenance={provenance}
      title={provenance === "reference" ? "came with a problem file (dataset's own worked answer)" : "written by a model (batch or imported generation file)"}
      className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ring-inset ${tone}`}
    >
      {provenance}
    </span>
  );
}
