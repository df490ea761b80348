// A labelled horizontal bar for a share (e.g. correct / graded). Accessible as a meter.
export function ShareBar({ value, total, label }: { value: number; total: number; label: string }) {
  const share = total > 0 ? value / total : null;
  return (
    <div className="flex items-center gap-2">
      {/* biome-ignore lint/a11y/useSemanticElements: a styled bar; <meter> cannot be styled alike across browsers, so the ARIA role carries the semantics */}
      <div role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={share === null ? undefined : Math.round(share * 100)} className="h-2 w-24 overflow-hidden rounded-full bg-slate-200">
        <div className="h-full rounded-full bg-emerald-600" style={{ width: `${(share ?? 0) * 100}%` }} />
      </div>
      <span className="w-12 text-right text-xs tabular-nums text-slate-700">{share === null ? "–" : `${(share * 100).toFixed(1)}%`}</span>
    </div>
  );
}
