// Protects the solutions table's column layout: the default columns (the ones a reviewer decides
// by) fit beside the filter panel at 1440 px, and remembered widths from storage are cleaned
// (unknown columns dropped, widths clamped) so a stale entry cannot break the table.
import { describe, expect, it } from "vitest";
import { cleanSizes, DEFAULT_SIZES, DEFAULT_VISIBLE, defaultLayout, layoutFromVisible, MAX_COLUMN_SIZE, MIN_COLUMN_SIZE, SELECT_COLUMN_SIZE, visibleColumns } from "@/app/(studio)/solutions/column-layout";
import { COLUMN_IDS } from "@/lib/solutions/solution-view";

describe("solutions column layout", () => {
  it("shows the reviewer's columns by default, within the width a 1440 px window leaves", () => {
    expect(visibleColumns(defaultLayout())).toEqual(["problem", "verdict", "answer", "gold", "review", "provenance"]);
    // 1440 - studio nav 224 - page padding 64 - filter panel 224 - gap 24.
    const available = 1440 - 224 - 64 - 224 - 24;
    const used = SELECT_COLUMN_SIZE + DEFAULT_VISIBLE.reduce((sum, id) => sum + DEFAULT_SIZES[id], 0);
    expect(used).toBeLessThanOrEqual(available);
  });

  it("keeps every other column in the menu, hidden", () => {
    const layout = layoutFromVisible(["verdict", "problem"]);
    expect(layout.order.slice(0, 2)).toEqual(["verdict", "problem"]);
    expect([...layout.order].sort()).toEqual([...COLUMN_IDS].sort());
    expect(layout.hidden).not.toContain("verdict");
    expect(layout.hidden).toContain("gold");
  });

  it("drops unknown columns and clamps widths read back from storage", () => {
    expect(cleanSizes({ problem: 412.6, gold: 5, answer: 99999, bogus: 100, verdict: "wide", review: Number.NaN })).toEqual({ problem: 413, gold: MIN_COLUMN_SIZE, answer: MAX_COLUMN_SIZE });
    expect(cleanSizes(null)).toEqual({});
    expect(cleanSizes([1, 2])).toEqual({});
  });
});
