// Templates for pages, forms and batch launch: the newest version of each name, every version of
// one name, and one version by id or by name (newest when no version is given).
import { prisma } from "@/lib/db/prisma";
import type { PromptTemplate } from "@/lib/generation/prompts/prompt-template";
import { templateFromRow } from "@/lib/generation/templates/template-record";

export interface TemplateSummary {
  id: number;
  name: string;
  version: number;
  kind: PromptTemplate["kind"];
  createdAt: Date;
  versions: number;
}

export async function listLatestTemplates(): Promise<TemplateSummary[]> {
  const rows = await prisma().$queryRaw<{ id: number; name: string; version: number; kind: string; created_at: Date; versions: bigint }[]>`
    SELECT DISTINCT ON (name) id, name, version, kind::text AS kind, created_at, count(*) OVER (PARTITION BY name) AS versions
    FROM prompt_templates ORDER BY name, version DESC`;
  return rows.map((r) => ({ id: r.id, name: r.name, version: r.version, kind: r.kind.replace("_", "-") as PromptTemplate["kind"], createdAt: r.created_at, versions: Number(r.versions) }));
}

export async function listTemplateVersions(name: string) {
  return prisma().promptTemplate.findMany({ where: { name }, orderBy: { version: "desc" }, select: { id: true, version: true, createdAt: true } });
}

export async function findTemplate(ref: { id: number } | { name: string; version?: number }): Promise<{ id: number; template: PromptTemplate } | null> {
  const row =
    "id" in ref
      ? await prisma().promptTemplate.findUnique({ where: { id: ref.id } })
      : await prisma().promptTemplate.findFirst({ where: { name: ref.name, ...(ref.version ? { version: ref.version } : {}) }, orderBy: { version: "desc" } });
  return row ? { id: row.id, template: templateFromRow(row) } : null;
}
