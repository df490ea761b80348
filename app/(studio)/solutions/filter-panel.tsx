"use client";
// The filters of the solutions browser: text search, facets with (bounded) counts, ranges, and
// the answer-class / problem filters that the problem page links to. Every change is a new
// address, so the browser's back button and shared links work.
import { useEffect, useOptimistic, useState } from "react";
import type { BoundedCount } from "@/lib/solutions/count-solutions";
import type { FacetCounts, FacetOptions } from "@/lib/solutions/find-solution-facets";
import { DEFAULT_SORT, emptyFilter, FACET_LABELS, type ListFilterKey, MIN_SEARCH_CHARS, type NumberRange, type SolutionFilter, solutionViewParams } from "@/lib/solutions/solution-view";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Input } from "@/components/ui/field";
import { loadFacetCounts } from "./actions";
import { useSolutionsChangedVersion } from "./solutions-changed";
import { useSolutionView } from "./use-solution-view";

const FACET_ORDER: ListFilterKey[] = ["provenances", "verdicts", "reviewStatuses", "setIds", "sources", "batchIds", "models", "contamination"];

function formatCount(count: BoundedCount | null | undefined): string {
  if (count === undefined) return "";
  if (count === null) return "?";
  return `${count.value.toLocaleString("en-US")}${count.exact ? "" : "+"}`;
}

function FacetCount({ counts, facet, value }: { counts: FacetCounts | null | "loading"; facet: ListFilterKey; value: string }) {
  if (counts === "loading") return <span className="ml-auto text-xs text-slate-300">…</span>;
  const count = counts?.[facet]?.[value];
  return (
    <span className="ml-auto shrink-0 text-xs tabular-nums text-slate-500" data-facet-count={`${facet}:${value}`} title={count === null ? "not counted in time" : count && !count.exact ? "at least this many" : undefined}>
      {formatCount(count)}
    </span>
  );
}

/** Counts for the current filter, fetched once the rows are on screen, and again when a bulk
 * action changed solutions under the same address; the old counts stay until the new ones arrive. */
function useFacetCounts(query: string): FacetCounts | null | "loading" {
  const changed = useSolutionsChangedVersion();
  const [state, setState] = useState<{ query: string; counts: FacetCounts | null } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: changed is the trigger, not an input
  useEffect(() => {
    let current = true;
    loadFacetCounts({ query }).then(
      (result) => current && setState({ query, counts: result.ok ? result.data : null }),
      () => current && setState({ query, counts: null }),
    );
    return () => {
      current = false;
    };
  }, [query, changed]);
  return state && state.query === query ? state.counts : "loading";
}

function selectedValues(filter: SolutionFilter, key: ListFilterKey): string[] {
  return (filter[key] as (string | number)[]).map(String);
}

function withValues(key: ListFilterKey, values: string[]): Partial<SolutionFilter> {
  return { [key]: key === "setIds" || key === "batchIds" ? values.map(Number) : values } as Partial<SolutionFilter>;
}

function RangeInputs({ label, name, range, step, onChange }: { label: string; name: string; range: NumberRange; step: string; onChange: (r: NumberRange) => void }) {
  const read = (v: string) => (v.trim() === "" ? null : Number(v));
  return (
    <fieldset className="space-y-1">
      <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</legend>
      <div className="flex items-center gap-1">
        <Input aria-label={`${label} minimum`} name={`${name}-min`} type="number" min="0" step={step} defaultValue={range.min ?? ""} onChange={(e) => onChange({ ...range, min: read(e.target.value) })} className="w-20" />
        <span className="text-slate-400">–</span>
        <Input aria-label={`${label} maximum`} name={`${name}-max`} type="number" min="0" step={step} defaultValue={range.max ?? ""} onChange={(e) => onChange({ ...range, max: read(e.target.value) })} className="w-20" />
      </div>
    </fieldset>
  );
}

function RangeForm({ filter, onApply }: { filter: SolutionFilter; onApply: (ranges: Pick<SolutionFilter, "length" | "tokens" | "agreement">) => void }) {
  const [ranges, setRanges] = useState({ length: filter.length, tokens: filter.tokens, agreement: filter.agreement });
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(ranges);
      }}
    >
      <RangeInputs label="Length (characters)" name="len" step="1" range={ranges.length} onChange={(length) => setRanges({ ...ranges, length })} />
      <RangeInputs label="Length (tokens)" name="tok" step="1" range={ranges.tokens} onChange={(tokens) => setRanges({ ...ranges, tokens })} />
      <RangeInputs label="Agreement (0–1)" name="agree" step="0.05" range={ranges.agreement} onChange={(agreement) => setRanges({ ...ranges, agreement })} />
      <Button type="submit">
        Apply ranges
      </Button>
    </form>
  );
}

export function FilterPanel({ options }: { options: FacetOptions }) {
  const { view, navigate } = useSolutionView();
  const { filter } = view;
  const counts = useFacetCounts(solutionViewParams({ filter, sort: DEFAULT_SORT, columns: null }).toString());
  const [searchError, setSearchError] = useState<string | null>(null);

  // Checkboxes follow the click at once; the address (and so the rows) follow when the server answers.
  const [shown, setShown] = useOptimistic(filter);
  const toggle = (key: ListFilterKey, value: string, on: boolean) => {
    const current = selectedValues(shown, key);
    const next = withValues(key, on ? [...current, value] : current.filter((v) => v !== value));
    navigate({ filter: { ...shown, ...next } }, () => setShown({ ...shown, ...next }));
  };

  const submitSearch = (form: FormData) => {
    const pq = String(form.get("pq") ?? "").trim();
    const sq = String(form.get("sq") ?? "").trim();
    if ((pq && pq.length < MIN_SEARCH_CHARS) || (sq && sq.length < MIN_SEARCH_CHARS)) {
      setSearchError(`Search needs at least ${MIN_SEARCH_CHARS} characters.`);
      return;
    }
    setSearchError(null);
    navigate({ filter: { problemText: pq || null, solutionText: sq || null } });
  };

  return (
    // A fixed width that never grows with a long set or batch name: names truncate (full name in
    // the tooltip) and long lists scroll inside their own box.
    <aside aria-label="Filters" className="w-56 min-w-0 shrink-0 space-y-5 overflow-hidden text-sm">
      <form action={submitSearch} className="space-y-2" key={`${filter.problemText}|${filter.solutionText}`}>
        <label className="grid gap-1">
          <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">Search problems</span>
          <Input name="pq" type="search" defaultValue={filter.problemText ?? ""} placeholder="e.g. triangle" />
        </label>
        <label className="grid gap-1">
          <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">Search solutions</span>
          <Input name="sq" type="search" defaultValue={filter.solutionText ?? ""} placeholder="e.g. \frac{3}{8}" />
        </label>
        {searchError && (
          <Alert tone="error">
            {searchError}
          </Alert>
        )}
        <Button type="submit" variant="primary">
          Search
        </Button>
      </form>

      {(filter.answerKey !== null || filter.problemId !== null) && (
        <div className="space-y-1">
          {filter.problemId !== null && (
            <p className="flex items-center gap-2">
              Problem #{filter.problemId}
              <Button onClick={() => navigate({ filter: { problemId: null } })} variant="link" size="sm">
                remove
              </Button>
            </p>
          )}
          {filter.answerKey !== null && (
            <p className="flex items-center gap-2">
              Answer class <code className="rounded bg-slate-100 px-1">{filter.answerKey === "" ? "(no answer)" : filter.answerKey}</code>
              <Button onClick={() => navigate({ filter: { answerKey: null } })} variant="link" size="sm">
                remove
              </Button>
            </p>
          )}
        </div>
      )}

      {FACET_ORDER.map((key) => {
        const selected = selectedValues(shown, key);
        const values = options[key];
        if (values.length === 0) return null;
        return (
          <fieldset key={key} className="min-w-0 space-y-1">
            <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">{FACET_LABELS[key]}</legend>
            <ul className="max-h-48 space-y-0.5 overflow-y-auto overflow-x-hidden pr-1" data-facet-list={key}>
              {values.map((option) => (
                <li key={option.value}>
                  <label className="flex min-w-0 items-center gap-2 rounded px-1 hover:bg-slate-100" title={option.label}>
                    <input type="checkbox" className="shrink-0" checked={selected.includes(option.value)} onChange={(e) => toggle(key, option.value, e.target.checked)} />
                    <span className="min-w-0 flex-1 truncate">{option.label}</span>
                    <FacetCount counts={counts} facet={key} value={option.value} />
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}

      <RangeForm key={JSON.stringify([filter.length, filter.tokens, filter.agreement])} filter={filter} onApply={(ranges) => navigate({ filter: ranges })} />

      <Button
        onClick={() => navigate({ filter: emptyFilter() })}
        variant="link"
      >
        Clear all filters
      </Button>
    </aside>
  );
}
