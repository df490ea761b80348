// Problems whose dataset gold a strong majority of samples disagrees with: one click from review.
import Link from "next/link";
import { ChartEmpty, ChartFigure } from "@/components/charts/chart-figure";
import { SUSPECT_DEFAULTS, type SuspectGold } from "@/lib/insights/find-suspect-gold";

export function SuspectGoldTable({ rows }: { rows: SuspectGold[] }) {
  return (
    <ChartFigure
      title="Suspect gold answers"
      caption={`Dataset gold answers that at least ${SUSPECT_DEFAULTS.minShare * 100}% of a problem's answers (${SUSPECT_DEFAULTS.minSamples} or more) agree against, never graded equal to it. The gold may be wrong (GSM8K train has about a dozen known bad answers), or the grader may be. Ranked by agreement, then votes.`}
    >
      {rows.length === 0 ? (
        <ChartEmpty>No suspect gold answer: every strong majority agrees with its dataset gold.</ChartEmpty>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-3 py-2">Problem</th>
                <th className="px-3 py-2">Set · source</th>
                <th className="px-3 py-2">Gold</th>
                <th className="px-3 py-2">Majority answer</th>
                <th className="px-3 py-2 text-right">Agreement</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.problemId} className="border-t border-slate-100">
                  <td className="px-3 py-2">
                    <Link href={r.problemHref} className="font-medium text-sky-700 hover:underline">
                      Review problem #{r.problemId}
                    </Link>
                  </td>
                  <td className="px-3 py-2 text-slate-700">
                    {r.setName} · {r.source}
                  </td>
                  <td className="px-3 py-2">
                    <code>{r.goldAnswer ?? "–"}</code>
                  </td>
                  <td className="px-3 py-2">
                    <Link href={r.solutionsHref} className="hover:underline" title="Open the solutions that gave this answer">
                      <code>{r.majorityExample ?? r.majorityKey}</code>
                    </Link>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {(r.share * 100).toFixed(0)}% ({r.majorityVotes} of {r.samples})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ChartFigure>
  );
}
