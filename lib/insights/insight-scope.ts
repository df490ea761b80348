// Which samples an insight covers: everything, or one problem set (?set=<id> on /insights).
export interface InsightScope {
  setId: number | null;
}

export const ALL_SETS: InsightScope = { setId: null };

export function parseInsightScope(params: Record<string, string | string[] | undefined>): InsightScope {
  const raw = params.set;
  const value = Array.isArray(raw) ? raw[0] : raw;
  const id = Number(value);
  return { setId: value !== undefined && Number.isInteger(id) && id > 0 ? id : null };
}

/** The set filter a chart link carries for the scope. */
export function scopeSetIds(scope: InsightScope): number[] {
  return scope.setId === null ? [] : [scope.setId];
}
