// Which samples an insight covers: everything, or one problem set (?set=<id> on /insights).
import { parseDbId } from "@/lib/http/parse-id";

export interface InsightScope {
  setId: number | null;
}

export const ALL_SETS: InsightScope = { setId: null };

export function parseInsightScope(params: Record<string, string | string[] | undefined>): InsightScope {
  return { setId: parseDbId(params.set) };
}

/** The set filter a chart link carries for the scope. */
export function scopeSetIds(scope: InsightScope): number[] {
  return scope.setId === null ? [] : [scope.setId];
}
