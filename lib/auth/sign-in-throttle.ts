// Throttles password guessing per account and per client address. State lives in PostgreSQL so
// every web server process shares it. A key that fails too often in the window is locked for a
// while; each further failure after a lock doubles the next lock, up to a cap.
//
// Every attempt is counted BEFORE its password is checked, in one INSERT … ON CONFLICT statement
// per key that refuses (changes nothing, returns no row) while the key is locked. Row locking makes
// parallel attempts take turns on that statement, so with a limit of 5 at most 5 passwords are ever
// checked per lock period, however many requests arrive at once; the attempt that reaches the limit
// sets the lock itself. A right password then takes its own attempt back (attemptSucceeded).
import { pool } from "@/lib/db/pool";

export const THROTTLE = {
  windowMs: 15 * 60_000,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
  firstLockMs: 60_000,
  maxLockMs: 15 * 60_000,
};

interface ThrottleKey {
  key: string;
  limit: number;
}

function accountKey(email: string): ThrottleKey {
  return { key: `email:${email.trim().toLowerCase()}`, limit: THROTTLE.maxFailuresPerAccount };
}

function addressKey(ip: string): ThrottleKey {
  return { key: `ip:${ip}`, limit: THROTTLE.maxFailuresPerAddress };
}

// Timestamps are `timestamp(3)` in UTC (Prisma's convention); `now` travels as epoch milliseconds
// so the server's time zone never enters.
const NOW = "(to_timestamp($2::float8 / 1000) AT TIME ZONE 'UTC')";
const EXPIRED = `(t.window_start < ${NOW} - make_interval(secs => $5::float8 / 1000))`;
const NEXT_FAILURES = `(CASE WHEN ${EXPIRED} THEN 1 ELSE t.failures + 1 END)`;
const lockUntil = (failures: string) =>
  `(CASE WHEN ${failures} >= $3 THEN ${NOW} + make_interval(secs => LEAST($6::float8, $4::float8 * power(2, ${failures} - $3)) / 1000) END)`;

const RESERVE_SQL = `
  INSERT INTO sign_in_throttle AS t (key, failures, window_start, locked_until)
  VALUES ($1, 1, ${NOW}, ${lockUntil("1")})
  ON CONFLICT (key) DO UPDATE SET
    failures = ${NEXT_FAILURES},
    window_start = CASE WHEN ${EXPIRED} THEN ${NOW} ELSE t.window_start END,
    locked_until = ${lockUntil(NEXT_FAILURES)}
  WHERE t.locked_until IS NULL OR t.locked_until <= ${NOW}
  RETURNING failures`;

/** Counts one attempt on the key; false (nothing changed) when the key is locked. */
async function reserve({ key, limit }: ThrottleKey, now: Date): Promise<boolean> {
  const { rowCount } = await pool().query(RESERVE_SQL, [key, now.getTime(), limit, THROTTLE.firstLockMs, THROTTLE.windowMs, THROTTLE.maxLockMs]);
  return rowCount === 1;
}

/** Takes back one counted attempt (it was right, or it was refused by another key's lock). */
async function giveBack({ key, limit }: ThrottleKey): Promise<void> {
  await pool().query(
    `UPDATE sign_in_throttle SET failures = GREATEST(failures - 1, 0),
       locked_until = CASE WHEN failures - 1 < $2 THEN NULL ELSE locked_until END
     WHERE key = $1`,
    [key, limit],
  );
}

export type AttemptVerdict = { allowed: true } | { allowed: false; waitMs: number };

/**
 * Counts a sign-in attempt against the client address, then the account, before the password is
 * checked. Refused when either is locked; the address's count is given back when only the account
 * refused (so one locked account does not also lock the address of whoever types at it).
 */
export async function beginSignInAttempt(email: string, ip: string, now = new Date()): Promise<AttemptVerdict> {
  if (!(await reserve(addressKey(ip), now))) return { allowed: false, waitMs: await lockedForMs(email, ip, now) };
  if (!(await reserve(accountKey(email), now))) {
    await giveBack(addressKey(ip));
    return { allowed: false, waitMs: await lockedForMs(email, ip, now) };
  }
  return { allowed: true };
}

/** A right password: the account starts afresh and the address gets this attempt back. */
export async function attemptSucceeded(email: string, ip: string): Promise<void> {
  await pool().query("DELETE FROM sign_in_throttle WHERE key = $1", [accountKey(email).key]);
  await giveBack(addressKey(ip));
}

/** Milliseconds until the later of the account's and the address's locks ends (0: not locked). */
export async function lockedForMs(email: string, ip: string | null, now = new Date()): Promise<number> {
  const keys = [accountKey(email).key, ...(ip ? [addressKey(ip).key] : [])];
  const { rows } = await pool().query<{ wait: number | null }>(
    `SELECT max(extract(epoch FROM (locked_until - now_utc)) * 1000)::float8 AS wait
     FROM sign_in_throttle, (SELECT to_timestamp($1::float8 / 1000) AT TIME ZONE 'UTC' AS now_utc) n
     WHERE key = ANY($2::text[]) AND locked_until > now_utc`,
    [now.getTime(), keys],
  );
  return Math.max(0, Math.round(rows[0]?.wait ?? 0));
}
