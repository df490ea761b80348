"use client";
// Show, hide and reorder the table's columns (widths: drag a header's right edge). Reordering uses buttons (keyboard and screen-reader
// friendly) rather than drag and drop.
import type { ReactTable } from "@tanstack/react-table";
import type { DataTableFeatures } from "@/components/ui/use-data-table";
import { useState } from "react";
import type { ColumnId } from "@/lib/solutions/solution-view";
import { Button } from "@/components/ui/button";
import { type ColumnLayout, defaultLayout } from "./column-layout";
import { COLUMN_LABELS } from "./solution-columns";
import type { TableRow } from "./table-row";

export function ColumnMenu({ table, layout, onChange }: { table: ReactTable<DataTableFeatures, TableRow>; layout: ColumnLayout; onChange: (layout: ColumnLayout) => void }) {
  const [open, setOpen] = useState(false);
  const move = (id: ColumnId, by: -1 | 1) => {
    const order = [...layout.order];
    const at = order.indexOf(id);
    const to = at + by;
    if (at < 0 || to < 0 || to >= order.length) return;
    [order[at], order[to]] = [order[to], order[at]];
    table.setColumnOrder(["select", ...order]);
  };
  return (
    <div className="relative">
      <Button aria-expanded={open} onClick={() => setOpen(!open)}>
        Columns
      </Button>
      {open && (
        <fieldset className="absolute right-0 z-20 mt-1 w-72 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
          <legend className="sr-only">Columns</legend>
          <ul className="space-y-0.5">
            {layout.order.map((id, index) => {
              const column = table.getColumn(id);
              return (
                <li key={id} className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-slate-50">
                  <label className="flex flex-1 items-center gap-2 text-sm">
                    <input type="checkbox" checked={column?.getIsVisible() ?? true} onChange={(e) => column?.toggleVisibility(e.target.checked)} />
                    {COLUMN_LABELS[id]}
                  </label>
                  <button type="button" aria-label={`Move ${COLUMN_LABELS[id]} left`} disabled={index === 0} onClick={() => move(id, -1)} className="px-1 text-slate-500 disabled:opacity-30">
                    ↑
                  </button>
                  <button type="button" aria-label={`Move ${COLUMN_LABELS[id]} right`} disabled={index === layout.order.length - 1} onClick={() => move(id, 1)} className="px-1 text-slate-500 disabled:opacity-30">
                    ↓
                  </button>
                </li>
              );
            })}
          </ul>
          <Button onClick={() => onChange(defaultLayout())} variant="link" size="sm" className="mt-2">
            Reset columns and widths
          </Button>
        </fieldset>
      )}
    </div>
  );
}
