// Protects: one pool-size setting for both clients. BOXED_DB_POOL_SIZE sizes the raw pg pool as it
// sizes Prisma's (before, the pg pool was fixed at 10), and a bad value names itself. No
// connection is made: a pg pool connects on first use.
import { afterEach, describe, expect, it } from "vitest";
import { closePool, pool } from "@/lib/db/pool";

const saved = { url: process.env.DATABASE_URL, size: process.env.BOXED_DB_POOL_SIZE };

afterEach(async () => {
  await closePool();
  for (const [key, value] of [["DATABASE_URL", saved.url], ["BOXED_DB_POOL_SIZE", saved.size]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("the pg pool", () => {
  it("holds BOXED_DB_POOL_SIZE connections at most, 10 by default", async () => {
    process.env.DATABASE_URL = "postgresql://nobody@127.0.0.1:1/none";
    delete process.env.BOXED_DB_POOL_SIZE;
    expect(pool().options.max).toBe(10);
    await closePool();
    process.env.BOXED_DB_POOL_SIZE = "3";
    expect(pool().options.max).toBe(3);
  });

  it("refuses a bad size with the variable and the value", () => {
    process.env.DATABASE_URL = "postgresql://nobody@127.0.0.1:1/none";
    process.env.BOXED_DB_POOL_SIZE = "lots";
    expect(() => pool()).toThrow('BOXED_DB_POOL_SIZE must be a whole number from 1 to 1000, not "lots"');
  });
});
