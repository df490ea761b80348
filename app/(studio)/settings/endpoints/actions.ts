"use server";
// Model endpoint settings (admin only). The API key goes in, encrypted, and never comes back out:
// these actions return ids, names and test results only. The library functions audit themselves.
import { z } from "zod";
import { webActor } from "@/lib/audit/actor";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { EndpointInputSchema } from "@/lib/generation/endpoints/endpoint-input";
import { deleteEndpoint, setEndpointDisabled } from "@/lib/generation/endpoints/retire-endpoint";
import { createEndpoint, updateEndpoint } from "@/lib/generation/endpoints/save-endpoint";
import { testSavedEndpoint } from "@/lib/generation/endpoints/test-saved-endpoint";

export const createEndpointAction = authorizedAction("endpoints.manage", EndpointInputSchema, (input, admin) => createEndpoint(input, webActor(admin)));

export const updateEndpointAction = authorizedAction("endpoints.manage", EndpointInputSchema.extend({ id: z.number().int().positive() }), (input, admin) =>
  updateEndpoint(input.id, input, webActor(admin)),
);

export const testEndpointAction = authorizedAction("endpoints.manage", z.object({ id: z.number().int().positive() }), (input, admin) => testSavedEndpoint(input.id, webActor(admin)));

const endpointId = z.number().int().positive().max(2_147_483_647);

export const setEndpointDisabledAction = authorizedAction("endpoints.manage", z.object({ id: endpointId, disabled: z.boolean() }), (input, admin) =>
  setEndpointDisabled(input.id, input.disabled, admin.id),
);

export const deleteEndpointAction = authorizedAction("endpoints.manage", z.object({ id: endpointId }), (input, admin) => deleteEndpoint(input.id, admin.id));
