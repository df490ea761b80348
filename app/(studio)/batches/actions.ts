"use server";
// Launch and control of generation batches from the studio. Each action checks the role on the
// server, calls the same lib/generation functions as `npx boxed batch ...`, and writes an audit entry.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
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
  const created = await launchBatch(input, user.id);
  await recordAudit({ userId: user.id, action: "batch.launch", objectType: "batch", objectId: created.id, details: { ...input, requests: created.requestCount, problems: created.problemCount } });
  return { batchId: created.id, requests: created.requestCount };
});

const ControlSchema = z.object({ batchId: z.number().int().positive(), control: z.enum(["pause", "resume", "cancel", "retry-failed"]) });

export const controlBatchAction = authorizedAction("batches.control", ControlSchema, async (input, user) => {
  const result = await controlBatch(input.batchId, input.control);
  await recordAudit({ userId: user.id, action: `batch.${input.control}`, objectType: "batch", objectId: input.batchId, details: { state: result.state } });
  return result;
});
