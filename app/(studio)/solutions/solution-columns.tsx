"use client";
// The columns of the solutions table. Each column that an index can sort names its sort key; the
// table asks the server for that order (manual sorting), never sorts the loaded page itself.
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
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
    id: "problem", size: DEFAULT_SIZES.problem, minSize: MIN_COLUMN_SIZE, maxSize: MAX_COLUMN_SIZE,
    header: COLUMN_LABELS.problem,
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
    id: "set", size: DEFAULT_SIZES.set, minSize: MIN_COLUMN_SIZE, maxSize: MAX_COLUMN_SIZE,
    header: COLUMN_LABELS.set,
    cell: ({ row }) => (
      <div className="min-w-0">
        <Link href={`/sets/${row.original.setId}`} className="block truncate hover:underline" title={row.original.setName}>
          {row.original.setName}
        </Link>
        <div className="truncate text-xs text-slate-500" title={row.original.source ?? undefined}>
          {row.original.source}
        </div>
      </div>
    ),
  }),
  helper.accessor("batchName", {
    id: "batch", size: DEFAULT_SIZES.batch, minSize: MIN_COLUMN_SIZE, maxSize: MAX_COLUMN_SIZE,
    header: COLUMN_LABELS.batch,
    cell: ({ row }) => (
      <div className="min-w-0">
        {row.original.batchId ? (
          <Link href={`/batches/${row.original.batchId}`} className="block truncate hover:underline" title={row.original.batchName ?? undefined}>
            {row.original.batchName ?? `#${row.original.batchId}`}
          </Link>
        ) : (
          <span className="text-slate-500">imported</span>
        )}
        <div className="truncate text-xs text-slate-500" title={row.original.model ?? undefined}>
          {row.original.model ?? "–"}
        </div>
      </div>
    ),
  }),
  helper.accessor("extractedAnswer", {
    id: "answer", size: DEFAULT_SIZES.answer, minSize: MIN_COLUMN_SIZE, maxSize: MAX_COLUMN_SIZE,
    header: COLUMN_LABELS.answer,
    cell: ({ row }) => (row.original.answerHtml ? <RenderedMath inline html={row.original.answerHtml} className="block overflow-hidden" /> : dash),
  }),
  helper.accessor("goldAnswer", {
    id: "gold", size: DEFAULT_SIZES.gold, minSize: MIN_COLUMN_SIZE, maxSize: MAX_COLUMN_SIZE,
    header: COLUMN_LABELS.gold,
    cell: ({ row }) => (row.original.goldHtml ? <RenderedMath inline html={row.original.goldHtml} className="block overflow-hidden" /> : dash),
  }),
  helper.accessor("verdict", { id: "verdict", size: DEFAULT_SIZES.verdict, minSize: MIN_COLUMN_SIZE, maxSize: MAX_COLUMN_SIZE, header: COLUMN_LABELS.verdict, cell: ({ row }) => <StatusBadge value={row.original.verdict} /> }),
  helper.accessor("verdictRule", { id: "rule", size: DEFAULT_SIZES.rule, minSize: MIN_COLUMN_SIZE, maxSize: MAX_COLUMN_SIZE, header: COLUMN_LABELS.rule, cell: ({ row }) => <span className="text-xs text-slate-600">{row.original.verdictRule ?? "–"}</span> }),
  helper.accessor("charLength", {
    id: "length", size: DEFAULT_SIZES.length, minSize: MIN_COLUMN_SIZE, maxSize: MAX_COLUMN_SIZE,
    header: COLUMN_LABELS.length,
    cell: ({ row }) => (
      <div className="whitespace-nowrap text-right tabular-nums">
        {row.original.charLength.toLocaleString("en-US")} ch
        <div className="text-xs text-slate-500">{row.original.tokenCount === null ? "– tok" : `${row.original.tokenCount.toLocaleString("en-US")} tok`}</div>
      </div>
    ),
  }),
  helper.accessor("agreement", {
    id: "agreement", size: DEFAULT_SIZES.agreement, minSize: MIN_COLUMN_SIZE, maxSize: MAX_COLUMN_SIZE,
    header: COLUMN_LABELS.agreement,
    cell: ({ row }) =>
      row.original.agreement === null ? (
        dash
      ) : (
        <span className="whitespace-nowrap tabular-nums" title={`${row.original.majorityVotes ?? "?"} of ${row.original.totalVotes ?? "?"} votes`}>
          {(row.original.agreement * 100).toFixed(0)}%
        </span>
      ),
  }),
  helper.accessor("contaminationStatus", { id: "contamination", size: DEFAULT_SIZES.contamination, minSize: MIN_COLUMN_SIZE, maxSize: MAX_COLUMN_SIZE, header: COLUMN_LABELS.contamination, cell: ({ row }) => <StatusBadge value={row.original.contaminationStatus} /> }),
  helper.accessor("reviewStatus", { id: "review", size: DEFAULT_SIZES.review, minSize: MIN_COLUMN_SIZE, maxSize: MAX_COLUMN_SIZE, header: COLUMN_LABELS.review, cell: ({ row }) => <StatusBadge value={row.original.reviewStatus} /> }),
  helper.accessor("provenance", { id: "provenance", size: DEFAULT_SIZES.provenance, minSize: MIN_COLUMN_SIZE, maxSize: MAX_COLUMN_SIZE, header: COLUMN_LABELS.provenance, cell: ({ row }) => <ProvenanceBadge provenance={row.original.provenance} /> }),
  helper.accessor("reviewer", { id: "reviewer", size: DEFAULT_SIZES.reviewer, minSize: MIN_COLUMN_SIZE, maxSize: MAX_COLUMN_SIZE, header: COLUMN_LABELS.reviewer, cell: ({ row }) => <span className="text-xs">{row.original.reviewer ?? "–"}</span> }),
]);
