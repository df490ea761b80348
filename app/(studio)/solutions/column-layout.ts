"use client";
// Column visibility and order of the solutions table: remembered in localStorage, and mirrored
// into the address (cols=) so a shared link shows the same columns. An address with cols= wins
// over the saved layout; the saved layout is only written when the user changes columns.
import { COLUMN_IDS, type ColumnId } from "@/lib/solutions/solution-view";

const STORAGE_KEY = "boxed.solutions.columns.v1";

export const DEFAULT_VISIBLE: ColumnId[] = ["problem", "set", "batch", "answer", "gold", "verdict", "rule", "length", "agreement", "contamination", "review", "reviewer"];

export interface ColumnLayout {
  /** Every column, in display order. */
  order: ColumnId[];
  hidden: ColumnId[];
}

export function layoutFromVisible(visible: ColumnId[]): ColumnLayout {
  const rest = COLUMN_IDS.filter((id) => !visible.includes(id));
  return { order: [...visible, ...rest], hidden: rest };
}

export function visibleColumns(layout: ColumnLayout): ColumnId[] {
  return layout.order.filter((id) => !layout.hidden.includes(id));
}

export function readSavedLayout(): ColumnLayout | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<ColumnLayout>;
    const known = (ids: unknown) => (Array.isArray(ids) ? ids.filter((id): id is ColumnId => (COLUMN_IDS as readonly string[]).includes(id)) : []);
    const order = known(parsed.order);
    // Columns added after the layout was saved go at the end, visible.
    for (const id of COLUMN_IDS) if (!order.includes(id)) order.push(id);
    return { order, hidden: known(parsed.hidden) };
  } catch {
    return null;
  }
}

export function saveLayout(layout: ColumnLayout): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(layout));
  } catch {
    // Storage full or disabled: the address still carries the layout.
  }
}

/** Writes cols= into the address without a navigation (no server round trip). */
export function mirrorLayoutToAddress(layout: ColumnLayout): void {
  const url = new URL(window.location.href);
  url.searchParams.set("cols", visibleColumns(layout).join(","));
  window.history.replaceState(null, "", url);
}
