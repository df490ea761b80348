// Export settings <-> URL query, for the browser download (a plain GET the browser can start at
// once) and the exports page that builds the link. Absent keys keep the published defaults.
import { type ExportSettingsInput, ExportSettingsSchema, type ExportSettings } from "@/lib/datasets/export/export-settings";

const BOOLEAN_KEYS = ["includeReferences", "correctOnly", "excludeContaminated", "dropMultiBoxed", "requireBoxed", "trimAfterBoxed", "arithmeticCheck", "dedup", "dropWithoutGold", "dropNearDuplicates", "pythonJson"] as const;
const BOUND_KEYS = ["maxProblemTokens", "minSolutionChars", "maxSolutionTokens"] as const;

export function exportSettingsToQuery(settings: ExportSettingsInput): URLSearchParams {
  const q = new URLSearchParams();
  if (settings.format) q.set("format", settings.format);
  for (const s of settings.sets ?? []) q.append("set", s);
  for (const s of settings.sources ?? []) q.append("source", s);
  for (const b of settings.batches ?? []) q.append("batch", String(b));
  for (const key of BOOLEAN_KEYS) if (settings[key] !== undefined) q.set(key, settings[key] ? "1" : "0");
  for (const key of BOUND_KEYS) if (settings[key] !== undefined) q.set(key, settings[key] === null ? "none" : String(settings[key]));
  if (settings.maxRows != null) q.set("maxRows", String(settings.maxRows));
  return q;
}

/** Parses and validates; throws a ZodError naming the bad key. */
export function exportSettingsFromQuery(q: URLSearchParams): ExportSettings {
  const input: Record<string, unknown> = {
    format: q.get("format") ?? undefined,
    sets: q.getAll("set"),
    sources: q.getAll("source"),
    batches: q.getAll("batch").map(Number),
  };
  for (const key of BOOLEAN_KEYS) {
    const v = q.get(key);
    if (v !== null) input[key] = v === "1" || v === "true" ? true : v === "0" || v === "false" ? false : v;
  }
  for (const key of BOUND_KEYS) {
    const v = q.get(key);
    if (v !== null) input[key] = v === "none" || v === "" ? null : Number(v);
  }
  const maxRows = q.get("maxRows");
  if (maxRows) input.maxRows = Number(maxRows);
  return ExportSettingsSchema.parse(input);
}
