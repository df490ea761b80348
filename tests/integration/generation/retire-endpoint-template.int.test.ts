// Protects: endpoints and templates can be disabled (they leave the launch form and a launch naming
// them is refused with the reason; enabling brings them back) and deleted only when nothing
// depends on them (no batch names them; a shipped template is never deleted). Audited; a
// curator cannot touch endpoints (admin only).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "@/lib/db/boxed-home";
import { withSessionClaim } from "@/lib/auth/current-user";
import { pool } from "@/lib/db/pool";
import { resolveBatchPlan } from "@/lib/generation/batches/resolve-batch-plan";
import { listEndpoints } from "@/lib/generation/endpoints/list-endpoints";
import { deleteEndpoint, setEndpointDisabled } from "@/lib/generation/endpoints/retire-endpoint";
import { arithmeticProblems, createProblemSet, createStubEndpoint } from "@/lib/generation/testing/batch-fixtures";
import { ensureDefaultTemplates } from "@/lib/generation/templates/ensure-default-templates";
import { listLatestTemplates } from "@/lib/generation/templates/list-templates";
import { deleteTemplate, setTemplateDisabled } from "@/lib/generation/templates/retire-template";
import { saveTemplateVersion } from "@/lib/generation/templates/save-template-version";
import { createUser } from "@/lib/users/create-user";
import { setEndpointDisabledAction, deleteEndpointAction } from "@/app/(studio)/settings/endpoints/actions";

let curator: number;
const audits = async (action: string) => Number((await pool().query<{ n: string }>("SELECT count(*) AS n FROM audit_log WHERE action = $1", [action])).rows[0]?.n);

beforeAll(async () => {
  curator = (await createUser({ email: "curator@retire.test", role: "curator", password: "a-long-password-1", name: null })).id;
  await createProblemSet("retire-seed", "seed", arithmeticProblems(2));
  await ensureDefaultTemplates();
});

describe("endpoints", () => {
  it("disabled: refused at launch with the reason, enabled again: accepted", async () => {
    const id = await createStubEndpoint("retire-a", "http://127.0.0.1:9/v1", { apiStyle: "chat" });
    await setEndpointDisabled(id, true, curator);
    expect((await listEndpoints()).find((e) => e.id === id)).toMatchObject({ disabled: true, batchCount: 0 });
    await expect(resolveBatchPlan({ kind: "solutions", set: "retire-seed", endpoint: id })).rejects.toThrow(/Endpoint "retire-a" is disabled/);
    await setEndpointDisabled(id, false, curator);
    await expect(resolveBatchPlan({ kind: "solutions", set: "retire-seed", endpoint: id })).resolves.toMatchObject({ endpoint: { id } });
    expect(await audits("endpoint.disable")).toBe(1);
    expect(await audits("endpoint.enable")).toBe(1);
  });

  it("deleted only while no batch names it", async () => {
    const used = await createStubEndpoint("retire-used", "http://127.0.0.1:9/v1");
    const { rows } = await pool().query<{ id: number }>("SELECT id FROM problem_sets WHERE name = 'retire-seed'");
    await pool().query(`INSERT INTO generation_batches (name, kind, set_id, model, samples_per_problem, endpoint_id) VALUES ('b', 'solutions', $1, 'm', 1, $2)`, [rows[0]?.id, used]);
    await expect(deleteEndpoint(used, curator)).rejects.toThrow(/named by 1 batch and cannot be deleted/);
    expect((await listEndpoints()).some((e) => e.id === used)).toBe(true);
    const unused = await createStubEndpoint("retire-unused", "http://127.0.0.1:9/v1");
    await deleteEndpoint(unused, curator);
    expect((await listEndpoints()).some((e) => e.id === unused)).toBe(false);
    expect(await audits("endpoint.delete")).toBe(1);
  });

  it("a curator cannot disable or delete an endpoint (admin only)", async () => {
    const id = await createStubEndpoint("retire-guarded", "http://127.0.0.1:9/v1");
    const claim = { userId: curator, sessionVersion: 1 };
    expect(await withSessionClaim(claim, () => setEndpointDisabledAction({ id, disabled: true }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await withSessionClaim(claim, () => deleteEndpointAction({ id }))).toMatchObject({ ok: false, code: "forbidden" });
    expect((await listEndpoints()).find((e) => e.id === id)?.disabled).toBe(false);
  });
});

describe("boxed endpoint disable / enable / remove", () => {
  const boxed = (args: string[]) => spawnSync(process.execPath, [join(repoRoot, "bin", "boxed.mjs"), ...args], { encoding: "utf8", env: process.env, timeout: 120_000 });

  it("does from the CLI what the settings page does, and names a missing endpoint", async () => {
    const id = await createStubEndpoint("retire-cli", "http://127.0.0.1:9/v1");
    expect(boxed(["endpoint", "disable", "retire-cli"]).stdout).toContain("disabled endpoint retire-cli");
    expect((await listEndpoints()).find((e) => e.id === id)?.disabled).toBe(true);
    expect(boxed(["endpoint", "list"]).stdout).toMatch(/retire-cli.*· disabled/);
    expect(boxed(["endpoint", "enable", "retire-cli"]).stdout).toContain("enabled endpoint retire-cli");
    expect((await listEndpoints()).find((e) => e.id === id)?.disabled).toBe(false);
    expect(boxed(["endpoint", "remove", "retire-cli"]).status).toBe(0);
    expect((await listEndpoints()).some((e) => e.id === id)).toBe(false);
    const missing = boxed(["endpoint", "disable", "no-such-endpoint"]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('no endpoint named "no-such-endpoint"');
  });
});

describe("templates", () => {
  it("disabling a name disables every version and refuses it at launch", async () => {
    await saveTemplateVersion({ kind: "solution-chat", name: "retire-chat", body: { system: "", user: "Solve: {problem}" } } as never);
    await saveTemplateVersion({ kind: "solution-chat", name: "retire-chat", body: { system: "", user: "Solve this: {problem}" } } as never);
    const endpoint = await createStubEndpoint("retire-t", "http://127.0.0.1:9/v1", { apiStyle: "chat" });
    await expect(resolveBatchPlan({ kind: "solutions", set: "retire-seed", endpoint, template: "retire-chat" })).resolves.toBeDefined();
    await setTemplateDisabled("retire-chat", true, curator);
    expect((await listLatestTemplates()).find((t) => t.name === "retire-chat")).toMatchObject({ disabled: true, versions: 2 });
    await expect(resolveBatchPlan({ kind: "solutions", set: "retire-seed", endpoint, template: "retire-chat" })).rejects.toThrow(/"retire-chat" is disabled/);
    const ids = await pool().query<{ id: number }>("SELECT id FROM prompt_templates WHERE name = 'retire-chat' ORDER BY version");
    await expect(resolveBatchPlan({ kind: "solutions", set: "retire-seed", endpoint, template: ids.rows[0]?.id })).rejects.toThrow(/is disabled/);
    await setTemplateDisabled("retire-chat", false, curator);
    await expect(resolveBatchPlan({ kind: "solutions", set: "retire-seed", endpoint, template: "retire-chat" })).resolves.toBeDefined();
  });

  it("deletes a template no batch used; refuses a used one and a shipped one", async () => {
    await expect(deleteTemplate("openmath-chat-solution", curator)).rejects.toThrow(/ships with Boxed/);
    const used = await saveTemplateVersion({ kind: "solution-chat", name: "retire-used", body: { system: "", user: "Solve: {problem}" } } as never);
    const { rows } = await pool().query<{ id: number }>("SELECT id FROM problem_sets WHERE name = 'retire-seed'");
    await pool().query(`INSERT INTO generation_batches (name, kind, set_id, model, samples_per_problem, template_id) VALUES ('t', 'solutions', $1, 'm', 1, $2)`, [rows[0]?.id, used.id]);
    await expect(deleteTemplate("retire-used", curator)).rejects.toThrow(/used by 1 batch/);
    expect(await deleteTemplate("retire-chat", curator)).toEqual({ name: "retire-chat", versions: 2 });
    expect((await listLatestTemplates()).some((t) => t.name === "retire-chat")).toBe(false);
    await expect(deleteTemplate("no-such-template", curator)).rejects.toThrow(/was not found/);
  });
});
