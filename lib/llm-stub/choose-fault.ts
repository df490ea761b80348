// Decides whether a request fails and how. Decisions come from (seed, request number), so a run
// with the same options and the same request order injects the same faults.
import { createRandom, seedFrom } from "@/lib/llm-stub/deterministic-random";
import type { StubErrorKind, StubOptions } from "@/lib/llm-stub/stub-options";

export function chooseFault(options: StubOptions, requestNumber: number): StubErrorKind | undefined {
  const rates: Array<[StubErrorKind, number]> =
    typeof options.errorRate === "number"
      ? options.errorKinds.map((kind) => [kind, options.errorRate as number / Math.max(1, options.errorKinds.length)])
      : (Object.entries(options.errorRate) as Array<[StubErrorKind, number]>);
  const roll = createRandom(seedFrom("fault", options.seed, requestNumber))();
  let cumulative = 0;
  for (const [kind, rate] of rates) {
    cumulative += rate;
    if (roll < cumulative) return kind;
  }
  return undefined;
}

export function chooseLatency(options: StubOptions, requestNumber: number): number {
  const latency = options.latencyMs;
  if (typeof latency === "number") return latency;
  const roll = createRandom(seedFrom("latency", options.seed, requestNumber))();
  return latency.min + roll * (latency.max - latency.min);
}
