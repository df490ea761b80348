// Problems whose dataset gold a strong majority of samples disagrees with: one click from review.
import Link from "next/link";
import { ChartEmpty, ChartFigure } from "@/components/charts/chart-figure";
import { type DataColumn, DataTable, numberColumn, NumTd, Row, Td } from "@/components/ui/data-table";
import { SUSPECT_DEFAULTS, type SuspectGold } from "@/lib/insights/find-suspect-gold";

const COLUMNS: DataColumn[] = [{ header: "Problem" }, { header: "Set · source" }, { header: "Gold" }, { header: "Majority answer" }, numberColumn("Agreement")];

export function SuspectGoldTable({ rows }: { rows: SuspectGold[] }) {
  return (
    <ChartFigure
      title="Suspect gold answers"
      caption={`Dataset gold answers that at least ${SUSPECT_DEFAULTS.minShare * 100}% of a problem's answers (${SUSPECT_DEFAULTS.minSamples} or more) agree against, never graded equal to it. The gold may be wrong (GSM8K train has about a dozen known bad answers), or the grader may be. Ranked by agreement, then votes.`}
    >
      {rows.length === 0 ? (
        <ChartEmpty>No suspect gold answer: every strong majority agrees with its dataset gold.</ChartEmpty>
      ) : (
        <DataTable label="Suspect gold answers" variant="plain" columns={COLUMNS}>
          {rows.map((r) => (
            <Row key={r.problemId}>
              <Td>
                <Link href={r.problemHref} className="font-medium text-sky-700 hover:underline">
                  Review problem #{r.problemId}
                </Link>
              </Td>
              <Td className="text-slate-700">
                {r.setName} · {r.source}
              </Td>
              <Td>
                <code>{r.goldAnswer ?? "–"}</code>
              </Td>
              <Td>
                <Link href={r.solutionsHref} className="hover:underline" title="Open the solutions that gave this answer">
                  <code>{r.majorityExample ?? r.majorityKey}</code>
                </Link>
              </Td>
              <NumTd>
                {(r.share * 100).toFixed(0)}% ({r.majorityVotes} of {r.samples})
              </NumTd>
            </Row>
          ))}
        </DataTable>
      )}
    </ChartFigure>
  );
}
