"use client";
// The one way a client table drives TanStack Table. One set of features for every such table
// (selection, server sorting, column visibility, order and resizable widths), and the page owns
// every piece of state (often in the address or local storage): each change arrives as a plain
// next value, not TanStack's "value or function of the old value". Sorting is the server's: the
// table asks for an order (manual, one column, never removed) and never sorts the loaded page.
// Render it with the classes of data-table.tsx so it looks like every other table.
import {
  type ColumnDef,
  type ColumnOrderState,
  type ColumnSizingState,
  type ColumnVisibilityState,
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  functionalUpdate,
  type RowData,
  type RowSelectionState,
  rowSelectionFeature,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  type Updater,
  useTable,
} from "@tanstack/react-table";

// Resizing needs sizing registered beside it (v9 split them into two features).
export const dataTableFeatures = tableFeatures({ rowSelectionFeature, rowSortingFeature, columnVisibilityFeature, columnOrderingFeature, columnSizingFeature, columnResizingFeature });
export type DataTableFeatures = typeof dataTableFeatures;

/** A piece of table state and what to do with its next value. */
export interface Controlled<T> {
  value: T;
  onChange: (next: T) => void;
}

const onChange =
  <T,>(slice: Controlled<T>) =>
  (updater: Updater<T>) =>
    slice.onChange(functionalUpdate(updater, slice.value));

export function useDataTable<TData extends RowData>(options: {
  columns: ColumnDef<DataTableFeatures, TData, unknown>[];
  data: TData[];
  getRowId: (row: TData) => string;
  sorting: Controlled<SortingState>;
  rowSelection: Controlled<RowSelectionState>;
  columnVisibility: Controlled<ColumnVisibilityState>;
  columnOrder: Controlled<ColumnOrderState>;
  columnSizing: Controlled<ColumnSizingState>;
}) {
  const { sorting, rowSelection, columnVisibility, columnOrder, columnSizing } = options;
  return useTable({
    features: dataTableFeatures,
    columns: options.columns,
    data: options.data,
    getRowId: options.getRowId,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    columnResizeMode: "onChange",
    state: { sorting: sorting.value, rowSelection: rowSelection.value, columnVisibility: columnVisibility.value, columnOrder: columnOrder.value, columnSizing: columnSizing.value },
    onSortingChange: onChange(sorting),
    onRowSelectionChange: onChange(rowSelection),
    onColumnVisibilityChange: onChange(columnVisibility),
    onColumnOrderChange: onChange(columnOrder),
    onColumnSizingChange: onChange(columnSizing),
  });
}
