"use server";
// Launch and control of generation batches from the studio. Each action checks the role on the
// server and calls the same lib/generation functions as `npx boxed batch ...` with the user as the
// actor; those functions write the audit entry in their transaction.
import { z } from "zod";
import { webActor } from "@/lib/audit/actor";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { BatchLaunchSchema } from "@/lib/generation/batches/batch-launch-input";
import { controlBatch } from "@/lib/generation/batches/control-batch";
import { launchBatch } from "@/lib/generation/batches/launch-batch";
import { previewBatch } from "@/lib/generation/batches/plan-requests";
import { resolveBatchPlan } from "@/lib/generation/batches/resolve-batch-plan";
import { checkEndpointBeforeLaunch } from "@/lib/generation/endpoints/check-endpoint-before-launch";

export const previewBatchAction = authorizedAction("batches.launch", BatchLaunchSchema, async (input) => {
  const plan = await resolveBatchPlan(input);
  const [preview, endpointCheck] = await Promise.all([previewBatch(plan), checkEndpointBeforeLaunch(plan.endpoint.id)]);
  return { ...preview, endpointCheck, name: plan.name, template: `${plan.template.template.name} v${plan.template.template.version}`, samplesPerProblem: plan.samplesPerProblem, temperature: plan.temperature, topP: plan.topP, maxTokens: plan.maxTokens, targetSetName: plan.targetSetName };
});

export const launchBatchAction = authorizedAction("batches.launch", BatchLaunchSchema, async (input, user) => {
  const created = await launchBatch(input, webActor(user));
  return { batchId: created.id, requests: created.requestCount };
});

const ControlSchema = z.object({ batchId: z.number().int().positive(), control: z.enum(["pause", "resume", "cancel", "retry-failed"]) });

export const controlBatchAction = authorizedAction("batches.control", ControlSchema, (input, user) => controlBatch(input.batchId, input.control, webActor(user)));
