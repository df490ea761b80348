// A test run killed with SIGKILL cannot run its teardown; the next run stops what it left: every
// temporary home with this prefix whose owner process is gone. A home without an owner yet may be
// another run creating its cluster right now, so it only counts as abandoned once it is old.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stopEmbeddedPostgres } from "../../lib/db/embedded-postgres";

const OWNERLESS_GRACE_MS = 10 * 60_000;

export async function removeAbandonedClusters(prefix: string): Promise<void> {
  for (const entry of readdirSync(tmpdir())) {
    if (!entry.startsWith(prefix)) continue;
    const home = join(tmpdir(), entry);
    const ownerFile = join(home, "owner.pid");
    if (!existsSync(ownerFile) && Date.now() - statSync(home).mtimeMs < OWNERLESS_GRACE_MS) continue;
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, "utf8")) : 0;
    if (owner && isAlive(owner)) continue;
    await stopEmbeddedPostgres(home).catch(() => {});
    rmSync(home, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
