// Protects: the address round-trips the whole view (filters, sort, columns, cursors), and values
// the parser cannot use are reported by name instead of being guessed or silently dropped.
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/solutions/solution-cursor";
import { containsPattern, keysetPlan, SqlParams, solutionConditions } from "@/lib/solutions/solution-sql";
import { emptyFilter, isFilterEmpty, isSetOnlyFilter, parseSolutionView, solutionViewParams } from "@/lib/solutions/solution-view";

describe("solution view in the address", () => {
  it("round-trips every filter, the sort and the columns", () => {
    const query =
      "set=2&set=3&source=math&batch=7&model=&model=llama&verdict=equal&verdict=not_equal&contam=flagged&review=unsure&provenance=reference&len=100-2000&tok=-500&agree=0.5-1&pq=triangle&sq=%5Cfrac%7B3%7D%7B8%7D&answer=&problem=42&sort=length.asc&cols=problem%2Cverdict&after=abc";
    const { view, ignored } = parseSolutionView(new URLSearchParams(query));
    expect(ignored).toEqual([]);
    expect(view.filter).toEqual({
      setIds: [2, 3],
      sources: ["math"],
      batchIds: [7],
      models: ["", "llama"],
      verdicts: ["equal", "not_equal"],
      contamination: ["flagged"],
      reviewStatuses: ["unsure"],
      provenances: ["reference"],
      length: { min: 100, max: 2000 },
      tokens: { min: null, max: 500 },
      agreement: { min: 0.5, max: 1 },
      problemText: "triangle",
      solutionText: "\\frac{3}{8}",
      answerKey: "",
      problemId: 42,
    });
    expect(view.sort).toEqual({ key: "length", direction: "asc" });
    expect(view.columns).toEqual(["problem", "verdict"]);
    expect(view.after).toBe("abc");
    expect(parseSolutionView(solutionViewParams(view)).view).toEqual(view);
  });

  it("names what it ignores", () => {
    const { view, ignored } = parseSolutionView({ verdict: ["equal", "maybe"], set: "x", len: "5-1", sort: "agreement.desc", sq: "ab", cols: "problem,nope" });
    expect(view.filter.verdicts).toEqual(["equal"]);
    expect(view.filter.setIds).toEqual([]);
    expect(ignored).toEqual([
      "set=x (not a whole number)",
      "verdict=maybe (expected one of ungraded, equal, not_equal, undecided, no_answer)",
      "len=5-1 (expected min-max, e.g. 100-2000; either side may be empty)",
      "sq=ab (search needs at least 3 characters)",
      "sort=agreement.desc (expected <column>.asc or <column>.desc; sortable: id, length, tokens, problem, set, batch, model, answer, verdict, review)",
      "cols: unknown column(s) nope",
    ]);
  });

  it("knows empty and set-only filters (where counters give exact counts)", () => {
    expect(isFilterEmpty(emptyFilter())).toBe(true);
    expect(isSetOnlyFilter({ ...emptyFilter(), setIds: [1] })).toBe(true);
    expect(isSetOnlyFilter({ ...emptyFilter(), setIds: [1], verdicts: ["equal"] })).toBe(false);
    expect(isFilterEmpty({ ...emptyFilter(), answerKey: "" })).toBe(false);
  });
});

describe("cursors and SQL", () => {
  it("refuses a cursor of another sort's type", () => {
    const cursor = encodeCursor({ value: "llama", id: 5 });
    expect(decodeCursor(cursor, "model")).toEqual({ value: "llama", id: 5 });
    expect(() => decodeCursor(cursor, "length")).toThrow(/does not fit the sort "length"/);
    expect(() => decodeCursor("not base64 json", "id")).toThrow(/does not fit/);
    expect(() => decodeCursor(encodeCursor({ value: "maybe", id: 1 }), "verdict")).toThrow();
  });

  it("escapes LIKE wildcards and never splices values into SQL", () => {
    expect(containsPattern("100%_\\x")).toBe("%100\\%\\_\\\\x%");
    const params = new SqlParams();
    const where = solutionConditions({ ...emptyFilter(), models: ["x'); DROP TABLE samples; --"], solutionText: "abc" }, params);
    expect(where.join(" ")).not.toContain("DROP");
    expect(params.values).toEqual([["x'); DROP TABLE samples; --"], "%abc%"]);
  });

  it("walks the (expression, id) index both ways", () => {
    const params = new SqlParams();
    expect(keysetPlan({ key: "tokens", direction: "desc" }, { after: { value: 10, id: 3 } }, params)).toEqual({
      condition: "(COALESCE(s.token_count, -1), s.id) < ($1::int, $2)",
      orderBy: "COALESCE(s.token_count, -1) DESC, s.id DESC",
      reversed: false,
    });
    expect(keysetPlan({ key: "tokens", direction: "desc" }, { before: { value: 10, id: 3 } }, new SqlParams())).toMatchObject({
      condition: "(COALESCE(s.token_count, -1), s.id) > ($1::int, $2)",
      orderBy: "COALESCE(s.token_count, -1) ASC, s.id ASC",
      reversed: true,
    });
  });
});
