// Protects: endpoint create and test audit themselves with the same details from the settings page
// and from `boxed endpoint` (a real child process); only `via` and the acting user differ. A
// refused create (a taken name) leaves no entry. The key never appears in an entry.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createEndpointAction, testEndpointAction } from "@/app/(studio)/settings/endpoints/actions";
import { withSessionClaim } from "@/lib/auth/current-user";
import { repoRoot } from "@/lib/db/boxed-home";
import { prisma } from "@/lib/db/prisma";
import { createUser } from "@/lib/users/create-user";

let adminId: number;
const asAdmin = <T>(fn: () => Promise<T>) => withSessionClaim({ userId: adminId, sessionVersion: 1 }, fn);
const cli = (args: string[]) => spawnSync(process.execPath, [join(repoRoot, "bin", "boxed.mjs"), ...args], { encoding: "utf8", env: process.env, timeout: 90_000 });
const entriesOf = (action: string, objectId: number) => prisma().auditLog.findMany({ where: { action, objectType: "endpoint", objectId: String(objectId) }, orderBy: { id: "asc" } });
const deadEndpoint = { baseUrl: "http://127.0.0.1:9/v1", model: "m", apiStyle: "chat" as const, apiKeyEnv: "NO_SUCH_KEY_VAR", maxConcurrency: 16, requestsPerMinute: null, timeoutMs: 600_000 };

beforeAll(async () => {
  adminId = (await createUser({ email: "endpoint.admin@audit.test", role: "admin", password: "endpoint-admin-1" })).id;
});

describe("endpoint mutations audit themselves", () => {
  it("create: the same details from the page and the CLI", async () => {
    const web = await asAdmin(() => createEndpointAction({ name: "web-made", ...deadEndpoint }));
    expect(web.ok).toBe(true);
    const made = cli(["endpoint", "add", "--name", "cli-made", "--base-url", deadEndpoint.baseUrl, "--model", "m", "--api", "chat", "--api-key-env", "NO_SUCH_KEY_VAR"]);
    expect(made.stderr).toBe("");
    const cliId = (await prisma().modelEndpoint.findUniqueOrThrow({ where: { name: "cli-made" } })).id;
    const [webEntry] = await entriesOf("endpoint.create", web.ok ? web.data.id : 0);
    const [cliEntry] = await entriesOf("endpoint.create", cliId);
    const common = { baseUrl: deadEndpoint.baseUrl, model: "m", apiStyle: "chat", apiKeyEnv: "NO_SUCH_KEY_VAR", keyChanged: false, maxConcurrency: 16, requestsPerMinute: null, timeoutMs: 600_000 };
    expect(webEntry).toMatchObject({ userId: adminId, details: { ...common, name: "web-made", via: "web" } });
    expect(cliEntry).toMatchObject({ userId: null, details: { ...common, name: "cli-made", via: "cli" } });
    expect(Object.keys(webEntry.details as object).sort()).toEqual(Object.keys(cliEntry.details as object).sort());

    const before = await prisma().auditLog.count();
    expect(await asAdmin(() => createEndpointAction({ name: "cli-made", ...deadEndpoint }))).toMatchObject({ ok: false, error: expect.stringMatching(/already exists/) });
    expect(await prisma().auditLog.count()).toBe(before);
  }, 180_000);

  it("test: audited from both, with the outcome and the latency", async () => {
    const keyless = await asAdmin(() => createEndpointAction({ name: "keyless", ...deadEndpoint, apiKeyEnv: undefined }));
    const id = keyless.ok ? keyless.data.id : 0;
    expect(await asAdmin(() => testEndpointAction({ id }))).toMatchObject({ ok: true, data: { ok: false } });
    const tested = cli(["endpoint", "test", "keyless"]);
    expect(tested.status).toBe(1);
    expect(tested.stdout).toMatch(/^failed after \d+ ms/);
    const entries = await entriesOf("endpoint.test", id);
    expect(entries.map((e) => [e.userId, (e.details as { via: string }).via, (e.details as { ok: boolean }).ok])).toEqual([
      [adminId, "web", false],
      [null, "cli", false],
    ]);
    for (const entry of entries) expect(Object.keys(entry.details as object).sort()).toEqual(["latencyMs", "ok", "via"]);
  }, 180_000);
});
