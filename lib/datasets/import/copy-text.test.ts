import { describe, expect, it } from "vitest";
import { copyField, copyLine } from "@/lib/datasets/import/copy-text";

describe("COPY text encoding", () => {
  it("escapes exactly backslash, tab, newline and carriage return", () => {
    expect(copyField("\\frac{1}{2}\n\tx\r\ny")).toBe("\\\\frac{1}{2}\\n\\tx\\r\\ny");
    expect(copyField("plain $x^2$ — é")).toBe("plain $x^2$ — é");
  });

  it("writes NULL as \\N and numbers and booleans as PostgreSQL reads them", () => {
    expect(copyLine([1, null, undefined, true, false, "a\\N"])).toBe("1\t\\N\t\\N\tt\tf\ta\\\\N\n");
    expect(copyField(Number.NaN)).toBe("\\N");
  });
});
