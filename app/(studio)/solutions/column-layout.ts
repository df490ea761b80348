"use client";
// Column visibility, order and widths of the solutions table: remembered in localStorage, and
// visibility/order mirrored into the address (cols=) so a shared link shows the same columns. An
// address with cols= wins over the saved visibility; widths are personal (storage only). The
// saved layout is only written when the user changes columns.
import { COLUMN_IDS, type ColumnId } from "@/lib/solutions/solution-view";

// v2: the default changed from "every column" (which needed a horizontal scroll at 1440 px) to
// the columns a reviewer decides by; a v1 layout would bring the scroll back, so it is not read.
const STORAGE_KEY = "boxed.solutions.columns.v2";

/** What a reviewer decides by: these fit beside the filter panel at 1440 px without scrolling. */
export const DEFAULT_VISIBLE: ColumnId[] = ["problem", "verdict", "answer", "gold", "review", "provenance"];

/** Default widths in px; each fits its one-word uppercase header (headers wrap between words only). The default-visible ones add up to what is left of a 1440 px window
 * once the studio nav (224), page padding (64), filter panel (224) and gap (24) are taken: 904
 * minus the selection column (40) and a margin for the scrollbar-less border. */
export const DEFAULT_SIZES: Record<ColumnId, number> = {
  problem: 290,
  verdict: 104,
  answer: 120,
  gold: 110,
  review: 104,
  provenance: 114,
  set: 160,
  batch: 180,
  rule: 120,
  length: 100,
  agreement: 104,
  contamination: 140,
  reviewer: 160,
};
export const SELECT_COLUMN_SIZE = 40;
export const MIN_COLUMN_SIZE = 60;
export const MAX_COLUMN_SIZE = 800;

export interface ColumnLayout {
  /** Every column, in display order. */
  order: ColumnId[];
  hidden: ColumnId[];
  /** Widths the user dragged to (px); absent = DEFAULT_SIZES. */
  sizes: Partial<Record<ColumnId, number>>;
}

export function layoutFromVisible(visible: ColumnId[], sizes: ColumnLayout["sizes"] = {}): ColumnLayout {
  const rest = COLUMN_IDS.filter((id) => !visible.includes(id));
  return { order: [...visible, ...rest], hidden: rest, sizes };
}

export const defaultLayout = (): ColumnLayout => layoutFromVisible(DEFAULT_VISIBLE);

export function visibleColumns(layout: ColumnLayout): ColumnId[] {
  return layout.order.filter((id) => !layout.hidden.includes(id));
}

const isColumnId = (id: unknown): id is ColumnId => typeof id === "string" && (COLUMN_IDS as readonly string[]).includes(id);

/** Keeps only known columns and sane widths: a stale or hand-edited entry cannot break the table. */
export function cleanSizes(raw: unknown): ColumnLayout["sizes"] {
  if (typeof raw !== "object" || raw === null) return {};
  const sizes: ColumnLayout["sizes"] = {};
  for (const [id, width] of Object.entries(raw)) {
    if (isColumnId(id) && typeof width === "number" && Number.isFinite(width)) sizes[id] = Math.round(Math.min(MAX_COLUMN_SIZE, Math.max(MIN_COLUMN_SIZE, width)));
  }
  return sizes;
}

export function readSavedLayout(): ColumnLayout | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Record<keyof ColumnLayout, unknown>>;
    const known = (ids: unknown) => (Array.isArray(ids) ? ids.filter(isColumnId) : []);
    const order = known(parsed.order);
    // Columns added after the layout was saved go at the end, visible.
    for (const id of COLUMN_IDS) if (!order.includes(id)) order.push(id);
    return { order, hidden: known(parsed.hidden), sizes: cleanSizes(parsed.sizes) };
  } catch {
    return null;
  }
}

/** Only the widths from storage: they apply even when the address names the columns. */
export function readSavedSizes(): ColumnLayout["sizes"] {
  return readSavedLayout()?.sizes ?? {};
}

export function saveLayout(layout: ColumnLayout): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(layout));
  } catch {
    // Storage full or disabled: the address still carries the visible columns.
  }
}

/** Writes cols= into the address without a navigation (no server round trip). */
export function mirrorLayoutToAddress(layout: ColumnLayout): void {
  const url = new URL(window.location.href);
  url.searchParams.set("cols", visibleColumns(layout).join(","));
  window.history.replaceState(null, "", url);
}
