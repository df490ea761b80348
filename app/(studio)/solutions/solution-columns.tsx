"use client";
// The columns of the solutions table. Each column that an index can sort names its sort key; the
// table asks the server for that order (manual sorting), never sorts the loaded page itself.
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { ReactNode } from "react";
import { RenderedMath } from "@/components/math/rendered-math";
import type { DataTableFeatures } from "@/components/ui/use-data-table";
import type { ColumnId, SortKey } from "@/lib/solutions/solution-view";
import { solutionHref } from "@/lib/solutions/solution-href";
import { DEFAULT_SIZES, MAX_COLUMN_SIZE, MIN_COLUMN_SIZE, SELECT_COLUMN_SIZE } from "./column-layout";
import { ProvenanceBadge, StatusBadge } from "./status-badge";
import type { TableRow } from "./table-row";

const helper = createColumnHelper<DataTableFeatures, TableRow>();

export const COLUMN_LABELS: Record<ColumnId, string> = {
  problem: "Problem",
  set: "Set / source",
  batch: "Batch / model",
  answer: "Extracted answer",
  gold: "Gold answer",
  verdict: "Verdict",
  rule: "Rule",
  length: "Length",
  agreement: "Agreement",
  contamination: "Contamination",
  review: "Review",
  provenance: "Provenance",
  reviewer: "Reviewer",
};

/** Column → the index-backed sort its header toggles. */
export const COLUMN_SORT: Partial<Record<ColumnId, SortKey>> = {
  problem: "problem",
  set: "set",
  batch: "batch",
  answer: "answer",
  verdict: "verdict",
  length: "length",
  review: "review",
};

const dash = <span className="text-slate-400">–</span>;

/** A resizable column's id, header and widths, the same rules for every column but the checkbox. */
const sized = (id: ColumnId) => ({ id, header: COLUMN_LABELS[id], size: DEFAULT_SIZES[id], minSize: MIN_COLUMN_SIZE, maxSize: MAX_COLUMN_SIZE });

/** A cell of two lines: what the column names (a link, usually) over a muted detail. */
function TwoLines({ detail, missing, children }: { detail: string | null; missing?: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      {children}
      <div className="truncate text-xs text-slate-500" title={detail ?? undefined}>
        {detail ?? missing}
      </div>
    </div>
  );
}

/** A math answer, or a dash when there is none. */
const mathOrDash = (html: TableRow["answerHtml"]) => (html ? <RenderedMath inline html={html} className="block overflow-hidden" /> : dash);

export const columns = helper.columns([
  helper.display({
    id: "select",
    size: SELECT_COLUMN_SIZE,
    enableResizing: false,
    enableHiding: false,
    enableSorting: false,
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label="Select all rows on this page"
        checked={table.getIsAllPageRowsSelected()}
        ref={(el) => {
          if (el) el.indeterminate = table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected();
        }}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => <input type="checkbox" aria-label={`Select solution ${row.original.id}`} checked={row.getIsSelected()} onClick={row.getToggleSelectedHandler()} onChange={() => {}} />,
  }),
  helper.accessor("problemHead", {
    ...sized("problem"),
    cell: ({ row }) => (
      <div className="min-w-0">
        <Link href={`/problems/${row.original.problemId}`} className="line-clamp-2 break-words text-slate-900 hover:underline" title={row.original.problemHead}>
          <RenderedMath inline html={row.original.problemHtml} />
        </Link>
        <Link href={solutionHref(row.original.id)} className="text-xs text-sky-700 hover:underline">
          solution #{row.original.id}
        </Link>
      </div>
    ),
  }),
  helper.accessor("setName", {
    ...sized("set"),
    cell: ({ row }) => (
      <TwoLines detail={row.original.source}>
        <Link href={`/sets/${row.original.setId}`} className="block truncate hover:underline" title={row.original.setName}>
          {row.original.setName}
        </Link>
      </TwoLines>
    ),
  }),
  helper.accessor("batchName", {
    ...sized("batch"),
    cell: ({ row }) => (
      <TwoLines detail={row.original.model} missing="–">
        {row.original.batchId ? (
          <Link href={`/batches/${row.original.batchId}`} className="block truncate hover:underline" title={row.original.batchName ?? undefined}>
            {row.original.batchName ?? `#${row.original.batchId}`}
          </Link>
        ) : (
          <span className="text-slate-500">imported</span>
        )}
      </TwoLines>
    ),
  }),
  helper.accessor("extractedAnswer", {
    ...sized("answer"),
    cell: ({ row }) => mathOrDash(row.original.answerHtml),
  }),
  helper.accessor("goldAnswer", {
    ...sized("gold"),
    cell: ({ row }) => mathOrDash(row.original.goldHtml),
  }),
  helper.accessor("verdict", { ...sized("verdict"), cell: ({ row }) => <StatusBadge value={row.original.verdict} /> }),
  helper.accessor("verdictRule", { ...sized("rule"), cell: ({ row }) => <span className="text-xs text-slate-600">{row.original.verdictRule ?? "–"}</span> }),
  helper.accessor("charLength", {
    ...sized("length"),
    cell: ({ row }) => (
      <div className="whitespace-nowrap text-right tabular-nums">
        {row.original.charLength.toLocaleString("en-US")} ch
        <div className="text-xs text-slate-500">{row.original.tokenCount === null ? "– tok" : `${row.original.tokenCount.toLocaleString("en-US")} tok`}</div>
      </div>
    ),
  }),
  helper.accessor("agreement", {
    ...sized("agreement"),
    cell: ({ row }) =>
      row.original.agreement === null ? (
        dash
      ) : (
        <span className="whitespace-nowrap tabular-nums" title={`${row.original.majorityVotes ?? "?"} of ${row.original.totalVotes ?? "?"} votes`}>
          {(row.original.agreement * 100).toFixed(0)}%
        </span>
      ),
  }),
  helper.accessor("contaminationStatus", { ...sized("contamination"), cell: ({ row }) => <StatusBadge value={row.original.contaminationStatus} /> }),
  helper.accessor("reviewStatus", { ...sized("review"), cell: ({ row }) => <StatusBadge value={row.original.reviewStatus} /> }),
  helper.accessor("provenance", { ...sized("provenance"), cell: ({ row }) => <ProvenanceBadge provenance={row.original.provenance} /> }),
  helper.accessor("reviewer", { ...sized("reviewer"), cell: ({ row }) => <span className="text-xs">{row.original.reviewer ?? "–"}</span> }),
]);
