"use client";
// "1,234 solutions", "10,000+ solutions" (bounded count), streamed after the rows.
import { use } from "react";
import type { BoundedCount } from "@/lib/solutions/count-solutions";

export function MatchCount({ count }: { count: Promise<BoundedCount | null> }) {
  const resolved = use(count);
  if (!resolved) return <span>Count unavailable</span>;
  const value = `${resolved.value.toLocaleString("en-US")}${resolved.exact ? "" : "+"}`;
  return (
    <span title={resolved.exact ? (resolved.source === "counters" ? "exact, from the maintained counters" : "exact") : `at least ${value}: counting stops there to stay fast`}>
      <strong className="tabular-nums" data-testid="match-count">
        {value}
      </strong>{" "}
      solution{resolved.value === 1 && resolved.exact ? "" : "s"}
    </span>
  );
}
