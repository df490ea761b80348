"use client";
// The solutions table: TanStack Table v9 over one server page. Sorting, filtering and pagination
// are the server's (manual); the table owns selection, column visibility, order and widths. The
// table is laid out fixed at the columns' widths, so a long cell never widens its column and the
// default columns fit a 1440 px window without a horizontal scroll (column-layout.ts).
import type { ColumnOrderState, ColumnSizingState, ColumnVisibilityState, RowSelectionState, SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { classes } from "@/components/ui/classes";
import { TABLE_CLASSES } from "@/components/ui/data-table";
import { Select } from "@/components/ui/field";
import { useDataTable } from "@/components/ui/use-data-table";
import { COLUMN_IDS, type ColumnId, SORT_KEYS, type SortKey } from "@/lib/solutions/solution-view";
import { BulkBar } from "./bulk-bar";
import { type ColumnLayout, cleanSizes, DEFAULT_VISIBLE, layoutFromVisible, mirrorLayoutToAddress, readSavedLayout, readSavedSizes, saveLayout } from "./column-layout";
import { ColumnMenu } from "./column-menu";
import { COLUMN_LABELS, COLUMN_SORT, columns } from "./solution-columns";
import { announceSolutionsChanged } from "./solutions-changed";
import { TaskProgress } from "./task-progress";
import type { TableRow } from "./table-row";
import { useSolutionView } from "./use-solution-view";

const SORT_LABELS: Record<SortKey, string> = {
  id: "Newest / oldest (id)",
  length: "Length (characters)",
  tokens: "Length (tokens)",
  problem: "Problem",
  set: "Set",
  batch: "Batch",
  model: "Model",
  answer: "Answer class",
  verdict: "Verdict",
  review: "Review status",
};

export function SolutionsTable(props: {
  rows: TableRow[];
  next: string | null;
  previous: string | null;
  canBulk: boolean;
  queues: { id: number; name: string }[];
  matchCount: React.ReactNode;
  /** What the table says when it has no rows (default: nothing matches). */
  emptyText?: string;
}) {
  const { view, hrefFor, navigate, pending } = useSolutionView();
  const [layout, setLayout] = useState<ColumnLayout>(() => layoutFromVisible(view.columns ?? DEFAULT_VISIBLE));
  // The saved layout applies after hydration; when the address names columns, only its widths do.
  useEffect(() => {
    if (view.columns) {
      const sizes = readSavedSizes();
      setLayout((current) => ({ ...current, sizes }));
      return;
    }
    const saved = readSavedLayout();
    if (saved) setLayout(saved);
  }, [view.columns]);
  const changeLayout = useCallback((next: ColumnLayout) => {
    setLayout(next);
    saveLayout(next);
    mirrorLayoutToAddress(next);
  }, []);
  // Widths are personal: remembered, but not written into a shared address.
  const changeSizes = useCallback((sizes: ColumnLayout["sizes"]) => {
    setLayout((current) => {
      const next = { ...current, sizes };
      saveLayout(next);
      return next;
    });
  }, []);

  const router = useRouter();
  const [taskId, setTaskId] = useState<number | null>(null);
  // Rows come back with the server render; the filter panel's facet counts on the signal.
  const taskFinished = useCallback(() => {
    router.refresh();
    announceSolutionsChanged();
  }, [router]);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [allMatching, setAllMatching] = useState(false);
  // A new page or view starts with nothing selected.
  // biome-ignore lint/correctness/useExhaustiveDependencies: props.rows is the trigger, not an input
  useEffect(() => {
    setRowSelection({});
    setAllMatching(false);
  }, [props.rows]);

  const sorting: SortingState = useMemo(() => {
    const column = (Object.entries(COLUMN_SORT) as [ColumnId, SortKey][]).find(([, key]) => key === view.sort.key)?.[0];
    return column ? [{ id: column, desc: view.sort.direction === "desc" }] : [];
  }, [view.sort]);
  const columnVisibility: ColumnVisibilityState = useMemo(() => Object.fromEntries(layout.hidden.map((id) => [id, false])), [layout.hidden]);
  const columnOrder: ColumnOrderState = useMemo(() => ["select", ...layout.order], [layout.order]);
  const columnSizing: ColumnSizingState = layout.sizes;

  const table = useDataTable({
    columns,
    data: props.rows,
    getRowId: (row) => String(row.id),
    sorting: {
      value: sorting,
      onChange: (next) => {
        const first = next[0];
        const key = first ? COLUMN_SORT[first.id as ColumnId] : undefined;
        if (key) navigate({ sort: { key, direction: first.desc ? "desc" : "asc" } });
      },
    },
    rowSelection: {
      value: rowSelection,
      onChange: (next) => {
        setAllMatching(false);
        setRowSelection(next);
      },
    },
    columnVisibility: { value: columnVisibility, onChange: (next) => changeLayout({ ...layout, hidden: COLUMN_IDS.filter((id) => next[id] === false) }) },
    columnOrder: {
      value: columnOrder,
      onChange: (next) => changeLayout({ ...layout, order: next.filter((id): id is ColumnId => (COLUMN_IDS as readonly string[]).includes(id)) }),
    },
    columnSizing: { value: columnSizing, onChange: (next) => changeSizes(cleanSizes(next)) },
  });

  const selectedIds = Object.keys(rowSelection).map(Number);
  const pageFullySelected = props.rows.length > 0 && selectedIds.length === props.rows.length;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <div className="text-sm text-slate-700" aria-live="polite">
          {props.matchCount}
        </div>
        <label className="ml-auto flex items-center gap-2 text-sm text-slate-700">
          Sort by
          <Select
            aria-label="Sort by"
            className="w-auto"
            value={`${view.sort.key}.${view.sort.direction}`}
            onChange={(e) => {
              const [key, direction] = e.target.value.split(".") as [SortKey, "asc" | "desc"];
              navigate({ sort: { key, direction } });
            }}
            options={SORT_KEYS.flatMap((key) => (["desc", "asc"] as const).map((direction) => ({ value: `${key}.${direction}`, label: `${SORT_LABELS[key]} ${direction === "desc" ? "↓" : "↑"}` })))}
          />
        </label>
        <ColumnMenu table={table} layout={layout} onChange={changeLayout} />
      </div>

      {props.canBulk && (selectedIds.length > 0 || allMatching) && (
        <BulkBar
          selectedIds={selectedIds}
          allMatching={allMatching}
          pageFullySelected={pageFullySelected}
          onSelectAllMatching={() => setAllMatching(true)}
          onClear={() => {
            setRowSelection({});
            setAllMatching(false);
          }}
          queues={props.queues}
          matchCount={props.matchCount}
          onStarted={setTaskId}
        />
      )}
      {taskId !== null && (
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <TaskProgress taskId={taskId} onFinished={taskFinished} />
        </div>
      )}

      <div className={classes(TABLE_CLASSES.card, "transition-opacity", pending && "opacity-60")} aria-busy={pending}>
        <table className="table-fixed text-sm" style={{ width: table.getTotalSize(), minWidth: "100%" }} aria-label="Solutions">
          <thead className={classes(TABLE_CLASSES.head, TABLE_CLASSES.cardHead)}>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sortable = Boolean(COLUMN_SORT[header.column.id as ColumnId]);
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      style={{ width: header.getSize() }}
                      className="relative px-3 py-2 align-bottom font-medium"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    >
                      {header.isPlaceholder ? null : sortable ? (
                        <button type="button" className="inline-flex items-center gap-1 text-left uppercase hover:text-slate-900" onClick={header.column.getToggleSortingHandler()}>
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                      {header.column.getCanResize() && <ResizeHandle label={COLUMN_LABELS[header.column.id as ColumnId]} header={header} />}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={classes(TABLE_CLASSES.row, "align-top", row.getIsSelected() ? "bg-sky-50" : "hover:bg-slate-50")}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} data-column={cell.column.id} className="overflow-hidden px-3 py-2">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {props.rows.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="px-3 py-8 text-center text-slate-500">
                  {props.emptyText ?? "No solutions match this view."}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      <nav aria-label="Pages" className="flex items-center justify-between text-sm">
        {props.previous ? (
          <Link className={buttonClass()} href={hrefFor({ before: props.previous })} scroll={false}>
            ← Previous page
          </Link>
        ) : (
          <span />
        )}
        <Link className="text-slate-500 hover:underline" href={hrefFor({})}>
          First page
        </Link>
        {props.next ? (
          <Link className={buttonClass()} href={hrefFor({ after: props.next })} scroll={false}>
            Next page →
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </div>
  );
}

/** The drag handle on a header's right edge (mouse and touch, as the v9 resize handler expects);
 * a double click gives the column back its default width. */
function ResizeHandle({ header, label }: { header: { getResizeHandler: () => (event: unknown) => void; column: { getIsResizing: () => boolean; resetSize: () => void } }; label: string }) {
  const handler = header.getResizeHandler();
  return (
    <div
      aria-hidden="true"
      data-resize-handle={label}
      title={`Drag to resize ${label}; double-click to reset`}
      onMouseDown={handler}
      onTouchStart={handler}
      onDoubleClick={() => header.column.resetSize()}
      className={`absolute top-0 right-0 h-full w-1.5 cursor-col-resize touch-none select-none hover:bg-sky-300 ${header.column.getIsResizing() ? "bg-sky-500" : ""}`}
    />
  );
}
