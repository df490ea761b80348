"use server";
// Saving a prompt template adds a version (batches keep pointing at the exact one they used).
import { z } from "zod";
import { webActor } from "@/lib/audit/actor";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { PROMPT_TEMPLATE_KINDS } from "@/lib/generation/prompts/prompt-template";
import { deleteTemplate, setTemplateDisabled } from "@/lib/generation/templates/retire-template";
import { saveTemplateVersion } from "@/lib/generation/templates/save-template-version";

const SaveTemplateSchema = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(PROMPT_TEMPLATE_KINDS),
  body: z.union([z.string().max(50_000), z.object({ system: z.string().max(50_000), user: z.string().max(50_000) })]),
  stop: z.array(z.string().max(200)).max(20).optional(),
});

export const saveTemplateAction = authorizedAction("templates.edit", SaveTemplateSchema, async (input, user) => {
  const draft =
    input.kind === "solution-completion"
      ? { kind: input.kind, name: input.name, body: typeof input.body === "string" ? input.body : input.body.user, stop: input.stop ?? [] }
      : { kind: input.kind, name: input.name, body: typeof input.body === "string" ? { system: "", user: input.body } : input.body, ...(input.stop?.length ? { stop: input.stop } : {}) };
  return saveTemplateVersion(draft as Parameters<typeof saveTemplateVersion>[0], webActor(user));
});

const templateName = z.string().trim().min(1).max(200);

export const setTemplateDisabledAction = authorizedAction("templates.edit", z.object({ name: templateName, disabled: z.boolean() }), (input, user) =>
  setTemplateDisabled(input.name, input.disabled, user.id),
);

export const deleteTemplateAction = authorizedAction("templates.edit", z.object({ name: templateName }), (input, user) => deleteTemplate(input.name, user.id));
