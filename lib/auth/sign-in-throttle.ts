// Throttles password guessing per account and per client address. State lives in PostgreSQL so
// every web server process shares it. A key that fails too often in the window is locked for a
// while; each further failure while locked doubles the lock, up to a cap.
import { prisma } from "@/lib/db/prisma";

export const THROTTLE = {
  windowMs: 15 * 60_000,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
  firstLockMs: 60_000,
  maxLockMs: 15 * 60_000,
};

export function throttleKeys(email: string, ip: string | null): { key: string; limit: number }[] {
  const keys = [{ key: `email:${email.trim().toLowerCase()}`, limit: THROTTLE.maxFailuresPerAccount }];
  if (ip) keys.push({ key: `ip:${ip}`, limit: THROTTLE.maxFailuresPerAddress });
  return keys;
}

/** Milliseconds until the earliest key is unlocked, or 0 when sign-in may proceed. */
export async function lockedForMs(email: string, ip: string | null, now = new Date()): Promise<number> {
  const rows = await prisma().signInThrottle.findMany({
    where: { key: { in: throttleKeys(email, ip).map((k) => k.key) } },
  });
  let wait = 0;
  for (const row of rows) {
    if (row.lockedUntil && row.lockedUntil > now) wait = Math.max(wait, row.lockedUntil.getTime() - now.getTime());
  }
  return wait;
}

export async function recordFailure(email: string, ip: string | null, now = new Date()): Promise<void> {
  for (const { key, limit } of throttleKeys(email, ip)) {
    const row = await prisma().signInThrottle.findUnique({ where: { key } });
    const windowExpired = !row || now.getTime() - row.windowStart.getTime() > THROTTLE.windowMs;
    const failures = windowExpired ? 1 : row.failures + 1;
    let lockedUntil: Date | null = windowExpired ? null : row.lockedUntil;
    if (failures >= limit) {
      const over = failures - limit;
      const lockMs = Math.min(THROTTLE.maxLockMs, THROTTLE.firstLockMs * 2 ** over);
      lockedUntil = new Date(now.getTime() + lockMs);
    }
    await prisma().signInThrottle.upsert({
      where: { key },
      create: { key, failures, windowStart: now, lockedUntil },
      update: { failures, lockedUntil, ...(windowExpired ? { windowStart: now } : {}) },
    });
  }
}

export async function clearFailures(email: string): Promise<void> {
  await prisma().signInThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } });
}
