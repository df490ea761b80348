// Protects the route handlers built from one shared piece each (issue 15): the full-text downloads
// of problems and samples, the two export downloads and the batch file routes still check the
// session and role first, refuse a bad or unknown id, and serve a real row.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as batchRequests } from "@/app/api/batches/[id]/requests/route";
import { GET as exportFile } from "@/app/api/exports/[taskId]/file/route";
import { GET as exportManifest } from "@/app/api/exports/[taskId]/manifest/route";
import { GET as problemText } from "@/app/api/problems/[id]/text/route";
import { GET as sampleText } from "@/app/api/samples/[id]/text/route";
import { withSessionClaim } from "@/lib/auth/current-user";
import { arithmeticProblems, createProblemSet } from "@/lib/generation/testing/batch-fixtures";
import { createUser } from "@/lib/users/create-user";

type Claim = { userId: number; sessionVersion: number } | null;
let viewer: Claim;
let curator: Claim;
let problemId: number;

const request = new Request("http://localhost/");
const withId = <K extends string>(key: K, value: string) => ({ params: Promise.resolve({ [key]: value } as Record<K, string>) });

beforeAll(async () => {
  viewer = { userId: (await createUser({ email: "viewer@shared-routes.test", role: "viewer", password: "a-long-password-1" })).id, sessionVersion: 1 };
  curator = { userId: (await createUser({ email: "curator@shared-routes.test", role: "curator", password: "a-long-password-1" })).id, sessionVersion: 1 };
  problemId = (await createProblemSet("shared-routes", "seed", arithmeticProblems(1))).problemIds[0];
});

describe("full-text downloads", () => {
  it("serve a problem's whole text to a viewer, named after it, and 404 a bad or unknown id", async () => {
    const ok = await withSessionClaim(viewer, () => problemText(request, withId("id", String(problemId))));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toBe(`attachment; filename="problem-${problemId}.txt"`);
    expect(ok.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await ok.text()).toMatch(/\d/);
    for (const id of ["abc", "2147483647"]) {
      const missing = await withSessionClaim(viewer, () => problemText(request, withId("id", id)));
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ error: "no such problem" });
    }
    const sample = await withSessionClaim(viewer, () => sampleText(request, withId("id", "2147483647")));
    expect(sample.status).toBe(404);
    expect(await sample.json()).toEqual({ error: "no such sample" });
  });

  it("refuse a caller without a session", async () => {
    expect((await withSessionClaim(null, () => problemText(request, withId("id", String(problemId))))).status).toBe(401);
    expect((await withSessionClaim(null, () => sampleText(request, withId("id", "1")))).status).toBe(401);
  });
});

describe("export downloads", () => {
  it("refuse a viewer, and 404 an id that is no finished export", async () => {
    for (const route of [exportFile, exportManifest]) {
      expect((await withSessionClaim(viewer, () => route(request, withId("taskId", "1")))).status).toBe(403);
      for (const id of ["x", "2147483647"]) expect((await withSessionClaim(curator, () => route(request, withId("taskId", id)))).status).toBe(404);
    }
    expect(await (await withSessionClaim(curator, () => exportManifest(request, withId("taskId", "x")))).json()).toEqual({ error: "no finished export with this id" });
    expect(await (await withSessionClaim(curator, () => exportFile(request, withId("taskId", "x")))).json()).toEqual({ error: "no finished export file with this id" });
  });
});

describe("batch file routes", () => {
  it("refuse a viewer and a bad batch id", async () => {
    expect((await withSessionClaim(viewer, () => batchRequests(request, withId("id", "1")))).status).toBe(403);
    const bad = await withSessionClaim(curator, () => batchRequests(request, withId("id", "0")));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "batch id must be a whole number from 1 to 2147483647" });
  });
});
