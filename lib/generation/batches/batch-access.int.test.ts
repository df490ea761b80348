// Protects: only curators and admins launch or control batches (a reviewer gets "forbidden" and
// nothing is created); only admins manage endpoints; an endpoint's API key is stored encrypted
// and never appears in anything that feeds a page, an action result or the progress route.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSessionClaim } from "@/lib/auth/current-user";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { findRunningBatches, listBatches } from "@/lib/generation/batches/find-batches";
import { getBatchProgress } from "@/lib/generation/batches/batch-progress";
import { loadEndpointConfig } from "@/lib/generation/endpoints/endpoint-client-config";
import { findEndpointView, listEndpoints } from "@/lib/generation/endpoints/list-endpoints";
import { arithmeticProblems, createProblemSet } from "@/lib/generation/testing/batch-fixtures";
import { createUser } from "@/lib/users/create-user";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";
import { controlBatchAction, launchBatchAction, previewBatchAction } from "@/app/(studio)/batches/actions";
import { createEndpointAction, testEndpointAction, updateEndpointAction } from "@/app/(studio)/settings/endpoints/actions";

const SECRET = "sk-test-very-secret-key-123456";
let stub: LlmStub;
const users: Record<string, { userId: number; sessionVersion: number }> = {};
const as = <T>(role: string, fn: () => Promise<T>) => withSessionClaim(users[role] ?? null, fn);
const savedSecret = process.env.BOXED_SECRET_KEY;

beforeAll(async () => {
  process.env.BOXED_SECRET_KEY = "test-secret-key-for-endpoint-encryption";
  stub = await startLlmStub({ requireApiKey: SECRET });
  for (const role of ["admin", "curator", "reviewer"] as const) {
    const user = await createUser({ email: `${role}@batches.test`, role, password: "a-long-password-1", name: null });
    users[role] = { userId: user.id, sessionVersion: 1 };
  }
  await createProblemSet("access-seed", "seed", arithmeticProblems(3));
});
afterAll(async () => {
  await stub.close();
  if (savedSecret === undefined) delete process.env.BOXED_SECRET_KEY;
  else process.env.BOXED_SECRET_KEY = savedSecret;
});

const endpointInput = () => ({ name: "guarded", baseUrl: stub.url, model: "boxed-stand-in", apiStyle: "chat" as const, apiKey: SECRET, maxConcurrency: 4, timeoutMs: 5000 });

describe("batch and endpoint access", () => {
  it("keeps the API key encrypted and out of every page query, action result and progress payload", async () => {
    expect(await as("curator", () => createEndpointAction(endpointInput()))).toMatchObject({ ok: false, code: "forbidden" });
    const created = await as("admin", () => createEndpointAction(endpointInput()));
    expect(created.ok).toBe(true);
    const id = created.ok ? created.data.id : 0;
    const stored = await prisma().modelEndpoint.findUniqueOrThrow({ where: { id } });
    expect(stored.apiKeyEncrypted).toMatch(/^v1:/);
    expect(stored.apiKeyEncrypted).not.toContain(SECRET);
    expect((await loadEndpointConfig(id)).config.apiKey).toBe(SECRET);

    const test = await as("admin", () => testEndpointAction({ id }));
    expect(test).toMatchObject({ ok: true, data: { ok: true } });
    // Editing without a key keeps the stored one.
    const updated = await as("admin", () => updateEndpointAction({ ...endpointInput(), apiKey: "", id, maxConcurrency: 8 }));
    expect(updated.ok).toBe(true);
    expect((await loadEndpointConfig(id)).config.apiKey).toBe(SECRET);

    const launched = await as("curator", () => launchBatchAction({ kind: "solutions", set: "access-seed", endpoint: id, samplesPerProblem: 2 }));
    expect(launched.ok).toBe(true);
    const batchId = launched.ok ? launched.data.batchId : 0;
    const preview = await as("curator", () => previewBatchAction({ kind: "solutions", set: "access-seed", endpoint: id, samplesPerProblem: 2 }));
    const everything = JSON.stringify([
      await listEndpoints(),
      await findEndpointView(id),
      await findEndpointView("guarded"),
      await getBatchProgress(batchId),
      await listBatches(),
      await findRunningBatches({ includePaused: true }),
      created,
      updated,
      test,
      launched,
      preview,
    ]);
    expect(everything).toContain("guarded");
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(stored.apiKeyEncrypted as string);
    expect(everything).not.toContain("apiKeyEncrypted");
  });

  it("a reviewer cannot launch or control a batch: code forbidden, nothing created", async () => {
    const before = await pool().query(`SELECT count(*)::int AS n FROM generation_batches`);
    const endpoint = await findEndpointView("guarded");
    const launch = await as("reviewer", () => launchBatchAction({ kind: "solutions", set: "access-seed", endpoint: endpoint?.id ?? 0 }));
    expect(launch).toMatchObject({ ok: false, code: "forbidden" });
    const preview = await as("reviewer", () => previewBatchAction({ kind: "solutions", set: "access-seed", endpoint: endpoint?.id ?? 0 }));
    expect(preview).toMatchObject({ ok: false, code: "forbidden" });
    const after = await pool().query(`SELECT count(*)::int AS n FROM generation_batches`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
    const anyBatch = await pool().query<{ id: number }>(`SELECT id FROM generation_batches LIMIT 1`);
    const control = await as("reviewer", () => controlBatchAction({ batchId: anyBatch.rows[0]?.id ?? 1, control: "pause" }));
    expect(control).toMatchObject({ ok: false, code: "forbidden" });
    expect(await withSessionClaim(null, () => launchBatchAction({ kind: "solutions", set: "access-seed", endpoint: 1 }))).toMatchObject({ ok: false, code: "unauthenticated" });
    // A curator's invalid input is refused with the field named.
    expect(await as("curator", () => launchBatchAction({ kind: "solutions", set: "access-seed", endpoint: endpoint?.id ?? 0, samplesPerProblem: 0 }))).toMatchObject({ ok: false, code: "invalid", error: expect.stringContaining("samplesPerProblem") });
  });
});
