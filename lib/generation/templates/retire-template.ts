// Taking a prompt template out of use, by name (every version at once, as the launch form offers
// names). Disabling is reversible and always possible; deleting is for templates no batch used
// (batches keep the exact version they ran with) and that Boxed does not ship (a shipped default
// would be seeded again: disable it instead). Both are audited in their transaction.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { DEFAULT_TEMPLATES } from "@/lib/generation/prompts/default-templates";

export async function setTemplateDisabled(name: string, disabled: boolean, actorId: number | null): Promise<{ name: string; disabled: boolean }> {
  return prisma().$transaction(async (tx) => {
    const versions = await tx.promptTemplate.count({ where: { name } });
    if (versions === 0) throw new NotFoundError(`Prompt template "${name}"`);
    const changed = await tx.promptTemplate.updateMany({ where: { name, disabledAt: disabled ? null : { not: null } }, data: { disabledAt: disabled ? new Date() : null } });
    if (changed.count > 0) {
      await recordAudit({ userId: actorId, action: disabled ? "template.disable" : "template.enable", objectType: "prompt_template", objectId: name, details: { versions } }, tx);
    }
    return { name, disabled };
  });
}

export async function deleteTemplate(name: string, actorId: number | null): Promise<{ name: string; versions: number }> {
  if (DEFAULT_TEMPLATES.some((t) => t.name === name)) {
    throw new UserFacingError(`"${name}" ships with Boxed and would come back at the next launch.`, "disable it instead");
  }
  return prisma().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM prompt_templates WHERE name = ${name} FOR UPDATE`;
    if (rows.length === 0) throw new NotFoundError(`Prompt template "${name}"`);
    const batches = await tx.generationBatch.count({ where: { templateId: { in: rows.map((r) => r.id) } } });
    if (batches > 0) {
      throw new UserFacingError(`Template "${name}" was used by ${batches.toLocaleString("en-US")} batch${batches === 1 ? "" : "es"} and cannot be deleted.`, "disable it instead: batches keep the exact version they ran with");
    }
    await tx.promptTemplate.deleteMany({ where: { name } });
    await recordAudit({ userId: actorId, action: "template.delete", objectType: "prompt_template", objectId: name, details: { versions: rows.length } }, tx);
    return { name, versions: rows.length };
  });
}
