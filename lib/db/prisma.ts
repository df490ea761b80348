// The Prisma client of the process, created on first use from DATABASE_URL (set by `boxed start`,
// the worker, the CLI or the test setup after resolving the database).
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/db/generated/client";
import { readSetting } from "@/lib/settings/read-settings";

const holder = globalThis as unknown as { boxedPrisma?: PrismaClient; boxedPrismaUrl?: string };

export function prisma(): PrismaClient {
  const url = readSetting("DATABASE_URL");
  if (!url) throw new Error("DATABASE_URL is not set: resolve the database before using Prisma");
  if (!holder.boxedPrisma || holder.boxedPrismaUrl !== url) {
    holder.boxedPrisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: readSetting("BOXED_DB_POOL_SIZE") }) });
    holder.boxedPrismaUrl = url;
  }
  return holder.boxedPrisma;
}

export async function disconnectPrisma(): Promise<void> {
  await holder.boxedPrisma?.$disconnect();
  holder.boxedPrisma = undefined;
  holder.boxedPrismaUrl = undefined;
}
