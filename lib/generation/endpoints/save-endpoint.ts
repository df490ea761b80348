// Creates or edits a model endpoint. The plain API key never reaches the database: it is
// encrypted here, and callers get back only the safe view (list-endpoints.ts). Audited in the
// same transaction when an actor is given.
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/prisma";
import { UserFacingError } from "@/lib/errors";
import { encryptApiKey } from "@/lib/generation/endpoints/endpoint-secrets";
import type { EndpointInput } from "@/lib/generation/endpoints/endpoint-input";

function keyFields(input: EndpointInput, editing: boolean) {
  const key = input.apiKey?.trim();
  if (key) return { apiKeyEncrypted: encryptApiKey(key), apiKeyEnv: input.apiKeyEnv || null };
  if (input.clearApiKey || !editing) return { apiKeyEncrypted: null, apiKeyEnv: input.apiKeyEnv || null };
  return { apiKeyEnv: input.apiKeyEnv || null };
}

function settings(input: EndpointInput) {
  return {
    name: input.name,
    baseUrl: input.baseUrl.replace(/\/+$/, ""),
    model: input.model,
    apiStyle: input.apiStyle,
    maxConcurrency: input.maxConcurrency,
    requestsPerMinute: input.requestsPerMinute ?? null,
    timeoutMs: input.timeoutMs,
  };
}

/** What the audit log keeps of a change: the settings, and whether the key changed (never the key). */
function auditDetails(input: EndpointInput, by: Actor) {
  return {
    name: input.name,
    baseUrl: input.baseUrl,
    model: input.model,
    apiStyle: input.apiStyle,
    apiKeyEnv: input.apiKeyEnv ?? null,
    keyChanged: Boolean(input.apiKey?.trim()) || Boolean(input.clearApiKey),
    maxConcurrency: input.maxConcurrency,
    requestsPerMinute: input.requestsPerMinute ?? null,
    timeoutMs: input.timeoutMs,
    via: by.via,
  };
}

/** With an actor (the settings page, `boxed endpoint add`) the endpoint.create entry commits with it. */
export async function createEndpoint(input: EndpointInput, by?: Actor): Promise<{ id: number; name: string }> {
  const data = { ...settings(input), ...keyFields(input, false) };
  return prisma().$transaction(async (tx) => {
    const existing = await tx.modelEndpoint.findUnique({ where: { name: input.name }, select: { id: true } });
    if (existing) throw new UserFacingError(`An endpoint named "${input.name}" already exists.`, "choose another name, or edit that endpoint");
    const created = await tx.modelEndpoint.create({ data, select: { id: true, name: true } });
    if (by) await recordAudit({ userId: by.userId, action: "endpoint.create", objectType: "endpoint", objectId: created.id, details: auditDetails(input, by) }, tx);
    return created;
  });
}

export async function updateEndpoint(id: number, input: EndpointInput, by?: Actor): Promise<{ id: number; name: string }> {
  const data = { ...settings(input), ...keyFields(input, true) };
  return prisma().$transaction(async (tx) => {
    const clash = await tx.modelEndpoint.findFirst({ where: { name: input.name, NOT: { id } }, select: { id: true } });
    if (clash) throw new UserFacingError(`Another endpoint is already named "${input.name}".`, "choose another name");
    const found = await tx.modelEndpoint.findUnique({ where: { id }, select: { id: true } });
    if (!found) throw new UserFacingError(`Endpoint ${id} was not found.`, "reload the page");
    const updated = await tx.modelEndpoint.update({ where: { id }, data, select: { id: true, name: true } });
    if (by) await recordAudit({ userId: by.userId, action: "endpoint.update", objectType: "endpoint", objectId: updated.id, details: auditDetails(input, by) }, tx);
    return updated;
  });
}
