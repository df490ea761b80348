import { describe, expect, it } from "vitest";
import { NO_FILTERS, parseExportSettings, RECIPE_BOUNDS } from "@/lib/datasets/export/export-settings";
import { exportSettingsFromQuery, exportSettingsToQuery } from "@/lib/datasets/export/export-settings-query";
import { RECIPE_LENGTH_BOUNDS } from "@/lib/grading/filters/length-bounds";

describe("export settings", () => {
  it("default to the published recipe values", () => {
    expect(RECIPE_BOUNDS).toEqual(RECIPE_LENGTH_BOUNDS);
    expect(parseExportSettings({})).toEqual({
      format: "omi2-jsonl",
      sets: [],
      sources: [],
      batches: [],
      includeReferences: false,
      correctOnly: true,
      excludeContaminated: true,
      dropMultiBoxed: true,
      requireBoxed: true,
      maxProblemTokens: 1024,
      minSolutionChars: 200,
      maxSolutionTokens: 1024,
      trimAfterBoxed: true,
      arithmeticCheck: true,
      dedup: true,
      maxRows: null,
      dropWithoutGold: true,
      dropNearDuplicates: false,
      pythonJson: false,
    });
  });

  it("survive the trip through a download URL", () => {
    const settings = parseExportSettings({ format: "nemo-sft", sets: ["a b", "c"], sources: ["gsm8k"], batches: [3], ...NO_FILTERS, minSolutionChars: 10, maxRows: 500, pythonJson: true });
    expect(exportSettingsFromQuery(exportSettingsToQuery(settings))).toEqual(settings);
    expect(exportSettingsFromQuery(new URLSearchParams(""))).toEqual(parseExportSettings({}));
  });

  it("refuse bad values naming the setting", () => {
    expect(() => exportSettingsFromQuery(new URLSearchParams("format=csv"))).toThrow(/format/);
    expect(() => exportSettingsFromQuery(new URLSearchParams("maxRows=-3"))).toThrow(/maxRows/);
    expect(() => exportSettingsFromQuery(new URLSearchParams("batch=x"))).toThrow(/batches/);
  });
});
