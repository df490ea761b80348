// `npm start` builds the web app when there is no build yet or a source file is newer than it,
// so a fresh clone and an edited checkout both come up right, and a second start is fast.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@/lib/db/boxed-home";

const SOURCES = ["app", "components", "lib", "prisma/schema.prisma", "next.config.mjs", "package.json", "proxy.ts", "instrumentation.ts", "postcss.config.mjs"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

export function buildIsStale(root = repoRoot): boolean {
  const stamp = join(root, ".next", "BUILD_ID");
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(root, source)) > built);
}

// Two starts at once (a user's and the e2e tests', say) must not build into one .next together:
// the second waits for the first's build and then uses it.
async function withBuildLock<T>(root: string, fn: () => Promise<T>, abort?: AbortSignal): Promise<T> {
  const lock = join(root, ".next-build.lock");
  for (;;) {
    abort?.throwIfAborted();
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** `abort` (Ctrl-C) ends a build in progress: `next build` is stopped and the call rejects. */
export async function buildWebApp(env: NodeJS.ProcessEnv, root = repoRoot, abort?: AbortSignal): Promise<void> {
  await withBuildLock(
    root,
    async () => {
      if (!buildIsStale(root)) return;
      await runNextBuild(env, root, abort);
    },
    abort,
  );
}

function runNextBuild(env: NodeJS.ProcessEnv, root: string, abort?: AbortSignal): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: root,
      env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "inherit", "inherit"],
      ...(abort ? { signal: abort, killSignal: "SIGTERM" as const } : {}),
    });
    // An aborted build rejects once `next build` has exited, so nothing of it outlives the caller.
    child.on("error", (error) => {
      if (!abort?.aborted) reject(error);
    });
    child.on("close", (code) => {
      if (abort?.aborted) reject(abort.reason);
      else if (code === 0) resolvePromise();
      else reject(new Error(`next build failed (exit code ${code})`));
    });
  });
}
