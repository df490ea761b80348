// Seeds the shipped templates (DEFAULT_TEMPLATES, version 1 each) into prompt_templates when they
// are missing. Idempotent and safe to race: (name, version) is unique, conflicts do nothing, and
// an edited template lives on as a higher version, so nothing a person wrote is overwritten.
import { prisma } from "@/lib/db/prisma";
import { DEFAULT_TEMPLATES } from "@/lib/generation/prompts/default-templates";
import { templateBodyJson, toDbKind } from "@/lib/generation/templates/template-record";

export async function ensureDefaultTemplates(): Promise<{ inserted: number }> {
  const result = await prisma().promptTemplate.createMany({
    data: DEFAULT_TEMPLATES.map((t) => ({ name: t.name, version: t.version, kind: toDbKind(t.kind), body: templateBodyJson(t) })),
    skipDuplicates: true,
  });
  return { inserted: result.count };
}
