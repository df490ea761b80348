import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "@/lib/datasets/import/copy-csv";

describe("COPY CSV encoding", () => {
  it("quotes every string and doubles only double quotes", () => {
    expect(csvField('\\frac{1}{2}\n\tx\r\ny "z"')).toBe('"\\frac{1}{2}\n\tx\r\ny ""z"""');
    expect(csvField("plain $x^2$ — é, ok")).toBe('"plain $x^2$ — é, ok"');
  });

  it("keeps NULL (unquoted empty) apart from the empty string, and writes numbers and booleans bare", () => {
    expect(csvLine([1, null, undefined, true, false, "", "a\\N"])).toBe('1,,,t,f,"","a\\N"\n');
    expect(csvField(Number.NaN)).toBe("");
  });
});
