// Editing a template never changes a stored version (batches point at the exact version they
// used): it adds version max+1 under the same name. Placeholders are checked before saving.
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/prisma";
import { UserFacingError } from "@/lib/errors";
import { type PromptTemplate, PromptTemplateSchema } from "@/lib/generation/prompts/prompt-template";
import { findTemplateProblems } from "@/lib/generation/prompts/render-prompt";
import { templateBodyJson, toDbKind } from "@/lib/generation/templates/template-record";

/** With an actor (the templates page) the template.save entry commits with the new version. */
export async function saveTemplateVersion(draft: Omit<PromptTemplate, "version">, by?: Actor): Promise<{ id: number; name: string; version: number }> {
  const candidate = { ...draft, version: 1 } as PromptTemplate;
  const parsed = PromptTemplateSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserFacingError(`Template "${draft.name}": ${issue?.path.join(".") || "body"}: ${issue?.message}.`);
  }
  const [problem] = findTemplateProblems(candidate);
  if (problem) throw new UserFacingError(problem.message, "use only the placeholders listed under the editor");
  for (let attempt = 0; ; attempt++) {
    const latest = await prisma().promptTemplate.findFirst({ where: { name: draft.name }, orderBy: { version: "desc" }, select: { version: true, kind: true } });
    if (latest && latest.kind !== toDbKind(draft.kind)) {
      throw new UserFacingError(`Template "${draft.name}" is a ${latest.kind.replace("_", "-")} template; a new version must keep its kind.`, "save it under another name");
    }
    const version = (latest?.version ?? 0) + 1;
    try {
      return await prisma().$transaction(async (tx) => {
        const row = await tx.promptTemplate.create({
          data: { name: draft.name, version, kind: toDbKind(draft.kind), body: templateBodyJson({ ...candidate, version }) },
          select: { id: true, name: true, version: true },
        });
        if (by) {
          const details = { name: row.name, version: row.version, kind: draft.kind, via: by.via };
          await recordAudit({ userId: by.userId, action: "template.save", objectType: "prompt_template", objectId: row.id, details }, tx);
        }
        return row;
      });
    } catch (error) {
      // Two editors saving at once: the unique (name, version) refuses one; it takes the next.
      if ((error as { code?: string }).code === "P2002" && attempt < 5) continue;
      throw error;
    }
  }
}
