import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

// Two projects: pure unit tests (no I/O beyond fixtures), and integration tests that run against
// a real embedded PostgreSQL started once by the global setup; each integration file gets its own
// database cloned from a migrated template (see tests/setup/).
export default defineConfig({
  // "server-only" (lib/db and what imports it) resolves to its empty module as it does in
  // Next.js's server code; tests are server code. bin/server-only-outside-next.mjs does the same
  // for the CLI and the worker.
  resolve: { alias: { "@": root, "server-only": `${root}node_modules/server-only/empty.js` } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["lib/**/*.test.ts", "tests/unit/**/*.test.ts", "bin/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          sequence: { groupOrder: 1 },
          include: ["lib/**/*.int.test.ts", "tests/integration/**/*.int.test.ts"],
          globalSetup: ["tests/setup/global-postgres.ts"],
          setupFiles: ["tests/setup/per-file-database.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
