// Reference solutions per set and how many agree with the gold: a data-quality figure, shown
// apart from every model figure on this page.
import { type DataColumn, DataTable, numberColumn, NumTd, Row, Td } from "@/components/ui/data-table";
import { formatInteger, formatPercent } from "@/lib/format";
import type { ReferenceCheckRow } from "@/lib/insights/find-reference-check";

const COLUMNS: DataColumn[] = [{ header: "Set" }, numberColumn("References"), numberColumn("Graded"), numberColumn("Agree with the gold"), numberColumn("Wrong · no answer · undecided")];

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
        <DataTable label="Reference solutions per set" variant="plain" columns={COLUMNS}>
          {rows.map((r) => (
            <Row key={r.setId} data-testid={`reference-check-${r.setName}`}>
              <Td>{r.setName}</Td>
              <NumTd>{formatInteger(r.total)}</NumTd>
              <NumTd>{formatInteger(r.graded)}</NumTd>
              <NumTd>
                {formatInteger(r.agreeing)} ({formatPercent(r.agreeing, r.graded)})
              </NumTd>
              <NumTd>
                <a className="text-sky-700 hover:underline" href={r.disagreeingHref}>
                  {formatInteger(r.counts.not_equal)} · {formatInteger(r.counts.no_answer)} · {formatInteger(r.counts.undecided)}
                </a>
              </NumTd>
            </Row>
          ))}
        </DataTable>
      )}
    </figure>
  );
}
