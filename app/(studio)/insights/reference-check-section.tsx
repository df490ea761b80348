// Reference solutions per set and how many agree with the gold: a data-quality figure, shown
// apart from every model figure on this page.
import { formatInteger, formatPercent } from "@/lib/format";
import type { ReferenceCheckRow } from "@/lib/insights/find-reference-check";

export function ReferenceCheckSection({ rows }: { rows: ReferenceCheckRow[] }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="mb-2">
        <h3 className="text-sm font-semibold">Reference solutions whose boxed answer agrees with the gold</h3>
        <p className="text-xs text-slate-500">
          The worked answers that came with the problem files (GSM8K answers, MATH solutions), graded like any solution. A data-quality check of the
          dataset, not a model score: every other figure on this page leaves references out.
        </p>
      </figcaption>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">No reference solutions in scope.</p>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className="py-1 font-medium">Set</th>
              <th className="py-1 text-right font-medium">References</th>
              <th className="py-1 text-right font-medium">Graded</th>
              <th className="py-1 text-right font-medium">Agree with the gold</th>
              <th className="py-1 text-right font-medium">Wrong · no answer · undecided</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.setId} className="border-t border-slate-100" data-testid={`reference-check-${r.setName}`}>
                <td className="py-1">{r.setName}</td>
                <td className="py-1 text-right tabular-nums">{formatInteger(r.total)}</td>
                <td className="py-1 text-right tabular-nums">{formatInteger(r.graded)}</td>
                <td className="py-1 text-right tabular-nums">
                  {formatInteger(r.agreeing)} ({formatPercent(r.agreeing, r.graded)})
                </td>
                <td className="py-1 text-right tabular-nums">
                  <a className="text-sky-700 hover:underline" href={r.disagreeingHref}>
                    {formatInteger(r.counts.not_equal)} · {formatInteger(r.counts.no_answer)} · {formatInteger(r.counts.undecided)}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
