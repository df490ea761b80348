// Per-endpoint limits shared by every worker on every machine (docs/generation.md, "Shared
// limits"). Concurrency: each runner holds a lease on some of the endpoint's slots and renews it
// while it works; grants never exceed maxConcurrency minus the live leases of others, and a
// killed worker's lease simply expires. Requests per minute: a token bucket row per endpoint.
// Both serialise on the endpoint's endpoint_throttles row (SELECT ... FOR UPDATE), one short
// transaction per renewal (about once a second per runner), never per request.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { pool } from "@/lib/db/pool";
import { inTransaction } from "@/lib/db/in-transaction";

async function lockEndpoint(client: pg.PoolClient, endpointId: number) {
  await client.query(`INSERT INTO endpoint_throttles (endpoint_id, tokens, refilled_at) VALUES ($1, -1, now()) ON CONFLICT (endpoint_id) DO NOTHING`, [endpointId]);
  const { rows } = await client.query<{ tokens: number; elapsed_ms: number; max_concurrency: number; rpm: number | null }>(
    `SELECT t.tokens, (EXTRACT(EPOCH FROM (now() - t.refilled_at)) * 1000)::float AS elapsed_ms, e.max_concurrency, e.requests_per_minute AS rpm
     FROM endpoint_throttles t JOIN model_endpoints e ON e.id = t.endpoint_id WHERE t.endpoint_id = $1 FOR NO KEY UPDATE OF t`,
    [endpointId],
  );
  return rows[0];
}

/** A runner's lease holder: `batch-<id>:<pid>-<uuid>` (batch-progress.ts sums a batch's leases by this prefix). */
export const leaseHolderName = (batchId: number) => `batch-${batchId}:${process.pid}-${randomUUID()}`;
export const leaseHolderPrefix = (batchId: number) => `batch-${batchId}:`;

export interface SlotGrant {
  slots: number;
  /** The endpoint's current setting, re-read each time (edits apply to running batches). */
  maxConcurrency: number;
  requestsPerMinute: number | null;
}

/**
 * Sets this holder's share to min(want, what other live leases leave), for leaseMs, and records
 * how many requests it has open right now (`inUse`): the figure pages show as "at the endpoint".
 */
export async function leaseSlots(endpointId: number, holder: string, want: number, leaseMs: number, inUse = 0): Promise<SlotGrant> {
  return inTransaction(async (client) => {
    const endpoint = await lockEndpoint(client, endpointId);
    if (!endpoint) return { slots: 0, maxConcurrency: 0, requestsPerMinute: null };
    const { rows } = await client.query<{ used: number }>(
      `SELECT coalesce(sum(slots), 0)::int AS used FROM endpoint_leases WHERE endpoint_id = $1 AND holder <> $2 AND lease_until > now()`,
      [endpointId, holder],
    );
    const slots = Math.max(0, Math.min(want, endpoint.max_concurrency - (rows[0]?.used ?? 0)));
    await client.query(
      `INSERT INTO endpoint_leases (endpoint_id, holder, slots, in_use, lease_until) VALUES ($1, $2, $3, $5, now() + $4 * interval '1 millisecond')
       ON CONFLICT (endpoint_id, holder) DO UPDATE SET slots = EXCLUDED.slots, in_use = EXCLUDED.in_use, lease_until = EXCLUDED.lease_until`,
      [endpointId, holder, slots, leaseMs, inUse],
    );
    // Leases of runners that died long ago are only clutter.
    await client.query(`DELETE FROM endpoint_leases WHERE endpoint_id = $1 AND lease_until < now() - interval '10 minutes'`, [endpointId]);
    return { slots, maxConcurrency: endpoint.max_concurrency, requestsPerMinute: endpoint.rpm };
  });
}

export async function releaseSlots(endpointId: number, holder: string): Promise<void> {
  await pool().query(`DELETE FROM endpoint_leases WHERE endpoint_id = $1 AND holder = $2`, [endpointId, holder]);
}

/** Bucket size: one second of the rate, at least one request. */
export const bucketCapacity = (rpm: number) => Math.max(1, rpm / 60);

/**
 * Takes up to `want` request tokens from the endpoint's bucket. Returns how many were granted
 * and, when none were, how long until the next one.
 */
export async function takeRequestTokens(endpointId: number, want: number): Promise<{ granted: number; waitMs: number }> {
  return inTransaction(async (client) => {
    const endpoint = await lockEndpoint(client, endpointId);
    if (!endpoint) return { granted: 0, waitMs: 1000 };
    if (!endpoint.rpm) return { granted: want, waitMs: 0 };
    const perMs = endpoint.rpm / 60_000;
    const capacity = bucketCapacity(endpoint.rpm);
    // A fresh bucket (tokens -1) starts full.
    const available = endpoint.tokens < 0 ? capacity : Math.min(capacity, endpoint.tokens + endpoint.elapsed_ms * perMs);
    const granted = Math.max(0, Math.min(want, Math.floor(available)));
    const left = available - granted;
    await client.query(`UPDATE endpoint_throttles SET tokens = $2, refilled_at = now() WHERE endpoint_id = $1`, [endpointId, left]);
    return { granted, waitMs: granted > 0 ? 0 : Math.ceil((1 - left) / perMs) };
  });
}
