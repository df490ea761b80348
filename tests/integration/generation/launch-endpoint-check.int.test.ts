// Protects: reviewing a launch tests the endpoint first. A live stand-in answers (ok, latency); a
// port nobody listens on and a wrong API key come back as a warning naming the error, the review
// still succeeds (a starting server must not block a launch), and nothing is created either way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSessionClaim } from "@/lib/auth/current-user";
import { pool } from "@/lib/db/pool";
import { arithmeticProblems, createProblemSet, createStubEndpoint } from "@/lib/generation/testing/batch-fixtures";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";
import { freePort } from "@/lib/net/free-port";
import { createUser } from "@/lib/users/create-user";
import { previewBatchAction } from "@/app/(studio)/batches/actions";

let stub: LlmStub;
let claim: { userId: number; sessionVersion: number };
beforeAll(async () => {
  stub = await startLlmStub({ requireApiKey: "right-key" });
  claim = { userId: (await createUser({ email: "curator@check.test", role: "curator", password: "a-long-password-1", name: null })).id, sessionVersion: 1 };
  await createProblemSet("check-seed", "seed", arithmeticProblems(3));
});
afterAll(() => stub.close());

const review = (endpoint: number) => withSessionClaim(claim, () => previewBatchAction({ kind: "solutions", set: "check-seed", endpoint, samplesPerProblem: 2 }));

describe("the launch review's endpoint check", () => {
  it("passes for a live endpoint, warns with the error for a dead one or a wrong key", async () => {
    process.env.CHECK_RIGHT_KEY = "right-key";
    process.env.CHECK_WRONG_KEY = "wrong-key";
    const live = await createStubEndpoint("check-live", stub.url, { apiStyle: "chat", apiKeyEnv: "CHECK_RIGHT_KEY" });
    const wrongKey = await createStubEndpoint("check-wrong-key", stub.url, { apiStyle: "chat", apiKeyEnv: "CHECK_WRONG_KEY" });
    const dead = await createStubEndpoint("check-dead", `http://127.0.0.1:${await freePort()}/v1`, { apiStyle: "chat" });

    const ok = await review(live);
    expect(ok.ok && ok.data.endpointCheck).toMatchObject({ ok: true });
    const refused = await review(dead);
    expect(refused.ok).toBe(true);
    expect(refused.ok && refused.data.endpointCheck).toMatchObject({ ok: false, message: expect.stringMatching(/connect|ECONNREFUSED|network/i) });
    const unauthorised = await review(wrongKey);
    expect(unauthorised.ok && unauthorised.data.endpointCheck).toMatchObject({ ok: false, message: expect.stringMatching(/401/) });
    expect((await pool().query("SELECT count(*)::int AS n FROM generation_batches")).rows[0].n).toBe(0);
  });
});
