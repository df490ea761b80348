#!/usr/bin/env node
// Generates the Prisma client at install time, offline.
// Prisma 7 generates with WebAssembly, but its CLI still tries to download the native schema engine
// unless PRISMA_SCHEMA_ENGINE_BINARY points at an existing file; any file will do because
// `prisma generate` never runs it (see docs/architecture.md, "Prisma offline").
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const prismaCli = join(root, "node_modules", "prisma", "build", "index.js");
if (!existsSync(prismaCli)) {
  console.error("prisma-generate: the prisma package is not installed; run `npm install` first.");
  process.exit(1);
}
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? join(root, "package.json"),
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? join(root, "package.json"),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const result = spawnSync(process.execPath, [prismaCli, "generate"], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
