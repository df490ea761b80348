"use server";
// Model endpoint settings (admin only). The API key goes in, encrypted, and never comes back out:
// these actions return ids, names and test results only.
import { z } from "zod";
import { webActor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { loadEndpointConfig } from "@/lib/generation/endpoints/endpoint-client-config";
import { EndpointInputSchema } from "@/lib/generation/endpoints/endpoint-input";
import { deleteEndpoint, setEndpointDisabled } from "@/lib/generation/endpoints/retire-endpoint";
import { createEndpoint, updateEndpoint } from "@/lib/generation/endpoints/save-endpoint";
import { testEndpoint } from "@/lib/generation/llm-client/test-endpoint";

export const createEndpointAction = authorizedAction("endpoints.manage", EndpointInputSchema, (input, admin) => createEndpoint(input, webActor(admin)));

export const updateEndpointAction = authorizedAction("endpoints.manage", EndpointInputSchema.extend({ id: z.number().int().positive() }), (input, admin) =>
  updateEndpoint(input.id, input, webActor(admin)),
);

export const testEndpointAction = authorizedAction("endpoints.manage", z.object({ id: z.number().int().positive() }), async (input, admin) => {
  const { config } = await loadEndpointConfig(input.id);
  const result = await testEndpoint(config);
  await recordAudit({ userId: admin.id, action: "endpoint.test", objectType: "endpoint", objectId: input.id, details: { ok: result.ok, latencyMs: Math.round(result.latencyMs) } });
  return result;
});

const endpointId = z.number().int().positive().max(2_147_483_647);

export const setEndpointDisabledAction = authorizedAction("endpoints.manage", z.object({ id: endpointId, disabled: z.boolean() }), (input, admin) =>
  setEndpointDisabled(input.id, input.disabled, admin.id),
);

export const deleteEndpointAction = authorizedAction("endpoints.manage", z.object({ id: endpointId }), (input, admin) => deleteEndpoint(input.id, admin.id));
