// Everything the stand-in can be told, with defaults that make a pleasant demo: no latency, no
// faults, answers right three times out of four. Tests and benchmarks override what they need.

export const STUB_ERROR_KINDS = ["429", "500", "timeout", "malformed-json", "drop-connection"] as const;
export type StubErrorKind = (typeof STUB_ERROR_KINDS)[number];

export interface StubOptions {
  /** Reported as `model`; the default makes it obvious this is not a real model. */
  model: string;
  /** When true, requests naming another model get a 404, as vLLM does. */
  strictModel: boolean;
  /** Added before every reply: a fixed delay or a uniform range. */
  latencyMs: number | { min: number; max: number };
  /**
   * Share of generation/embedding requests that fail. A number spreads over `errorKinds`;
   * a record gives each kind its own rate (e.g. { "429": 0.1, timeout: 0.01 }).
   */
  errorRate: number | Partial<Record<StubErrorKind, number>>;
  /** Kinds used when `errorRate` is a number. "timeout" is left out by default: it hangs. */
  errorKinds: StubErrorKind[];
  /** Retry-After (seconds) sent with injected 429s. */
  retryAfterSeconds: number;
  /** Share of replies cut short with finish_reason "length". */
  truncateRate: number;
  /** Mixed into every decision; also seeds requests that carry no `seed`. */
  seed: number;
  /** When set, requests without `Authorization: Bearer <this>` get a 401. */
  requireApiKey?: string;
  /** Known answers by problem text (whitespace-insensitive). */
  answers: Record<string, string>;
  /** Probability that a solution to a problem with a known answer ends with that answer. */
  accuracy: number;
  judge: { trueRate: number; malformedRate: number };
  /** Length of /v1/embeddings vectors when the request gives no `dimensions`. */
  embeddingDimensions: number;
}

export const DEFAULT_STUB_MODEL = "boxed-stand-in";

export const DEFAULT_STUB_OPTIONS: StubOptions = {
  model: DEFAULT_STUB_MODEL,
  strictModel: false,
  latencyMs: 0,
  errorRate: 0,
  errorKinds: ["429", "500", "malformed-json", "drop-connection"],
  retryAfterSeconds: 1,
  truncateRate: 0,
  seed: 0,
  answers: {},
  accuracy: 0.75,
  judge: { trueRate: 0.1, malformedRate: 0 },
  embeddingDimensions: 256,
};

export function mergeStubOptions(base: StubOptions, patch: Partial<StubOptions>): StubOptions {
  const merged: StubOptions = { ...base, ...patch, judge: { ...base.judge, ...patch.judge } };
  for (const [name, value] of Object.entries({ accuracy: merged.accuracy, truncateRate: merged.truncateRate })) {
    if (!(value >= 0 && value <= 1)) throw new RangeError(`llm stub: ${name} must be between 0 and 1, got ${value}`);
  }
  return merged;
}
