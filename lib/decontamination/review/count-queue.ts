// "n of N" for the decontamination review queue, with bounded counts: each status of the queue is
// counted through its (contamination_status, id) index with a LIMIT, so a page load never counts
// past QUEUE_COUNT_CAP rows however many problems a status holds (the same rule as the solutions
// table's "10,000+"). Position = problems of earlier statuses + problems of the same status with a
// smaller id, + 1, counted the same way.
import { pool } from "@/lib/db/pool";
import type { QueuePosition } from "@/lib/decontamination/review/find-review-problem";
import { type PairThresholds, reviewConditionsSql } from "@/lib/decontamination/review/review-filter-sql";
import { QUEUE_ORDER, type ReviewFilter } from "@/lib/decontamination/review/review-filter";
import type { ContaminationName } from "@/lib/solutions/solution-view";

export const QUEUE_COUNT_CAP = 10_000;

export interface QueueCount {
  /** 1-based place of the shown problem, "past-cap" beyond QUEUE_COUNT_CAP, null when it is not in the queue. */
  position: number | "past-cap" | null;
  /** Problems in the queue, at most QUEUE_COUNT_CAP. */
  total: number;
  /** True when the queue holds more than QUEUE_COUNT_CAP problems (total is then the cap). */
  more: boolean;
}

/** Problems of one status matching the filter (and below `beforeId`), counted up to `limit`. */
async function countStatus(filter: ReviewFilter, status: ContaminationName, limit: number, t: PairThresholds, beforeId?: number): Promise<number> {
  if (limit <= 0) return 0;
  const params: unknown[] = [status];
  const conditions = [`p.contamination_status = $1::"ContaminationStatus"`, ...reviewConditionsSql(filter, params, t)];
  if (beforeId !== undefined) {
    params.push(beforeId);
    conditions.push(`p.id < $${params.length}`);
  }
  params.push(limit);
  const { rows } = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM problems p WHERE ${conditions.join(" AND ")} LIMIT $${params.length}) AS q`, params);
  return rows[0].n;
}

export async function countQueue(filter: ReviewFilter, shown: QueuePosition | null, t: PairThresholds): Promise<QueueCount> {
  const statuses = QUEUE_ORDER.filter((s) => filter.statuses.includes(s));
  // One past the cap tells "exactly 10,000" from "more".
  let total = 0;
  for (const status of statuses) total += await countStatus(filter, status, QUEUE_COUNT_CAP + 1 - total, t);
  const more = total > QUEUE_COUNT_CAP;
  let position: QueueCount["position"] = null;
  if (shown && statuses.includes(shown.status)) {
    let before = 0;
    for (const status of statuses) {
      if (status === shown.status) {
        before += await countStatus(filter, status, QUEUE_COUNT_CAP - before, t, shown.id);
        break;
      }
      before += await countStatus(filter, status, QUEUE_COUNT_CAP - before, t);
    }
    position = before < QUEUE_COUNT_CAP ? before + 1 : "past-cap";
  }
  return { position, total: Math.min(total, QUEUE_COUNT_CAP), more };
}

/** "3 of 120", "3 of 10,000+", "past 10,000 of 10,000+", or "not in this queue (120)". */
export function describeQueueCount(count: QueueCount): string {
  const total = `${count.total.toLocaleString("en-US")}${count.more ? "+" : ""}`;
  if (count.position === "past-cap") return `past ${QUEUE_COUNT_CAP.toLocaleString("en-US")} of ${total}`;
  if (count.position !== null) return `${count.position.toLocaleString("en-US")} of ${total}`;
  return `not in this queue (${total} in it)`;
}
