// Creates or edits a model endpoint. The plain API key never reaches the database: it is
// encrypted here, and callers get back only the safe view (list-endpoints.ts).
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

export async function createEndpoint(input: EndpointInput): Promise<{ id: number; name: string }> {
  const existing = await prisma().modelEndpoint.findUnique({ where: { name: input.name }, select: { id: true } });
  if (existing) throw new UserFacingError(`An endpoint named "${input.name}" already exists.`, "choose another name, or edit that endpoint");
  return prisma().modelEndpoint.create({ data: { ...settings(input), ...keyFields(input, false) }, select: { id: true, name: true } });
}

export async function updateEndpoint(id: number, input: EndpointInput): Promise<{ id: number; name: string }> {
  const clash = await prisma().modelEndpoint.findFirst({ where: { name: input.name, NOT: { id } }, select: { id: true } });
  if (clash) throw new UserFacingError(`Another endpoint is already named "${input.name}".`, "choose another name");
  const found = await prisma().modelEndpoint.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw new UserFacingError(`Endpoint ${id} was not found.`, "reload the page");
  return prisma().modelEndpoint.update({ where: { id }, data: { ...settings(input), ...keyFields(input, true) }, select: { id: true, name: true } });
}
