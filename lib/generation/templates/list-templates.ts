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
  /** Not offered for new batches. */
  disabled: boolean;
  /** Batches that ran with any version of this name: while any did, it can be disabled but not deleted. */
  batchCount: number;
}

export async function listLatestTemplates(): Promise<TemplateSummary[]> {
  const rows = await prisma().$queryRaw<{ id: number; name: string; version: number; kind: string; created_at: Date; versions: bigint; disabled: boolean; batch_count: number }[]>`
    SELECT DISTINCT ON (t.name) t.id, t.name, t.version, t.kind::text AS kind, t.created_at, count(*) OVER (PARTITION BY t.name) AS versions,
           t.disabled_at IS NOT NULL AS disabled,
           (SELECT count(*)::int FROM generation_batches b JOIN prompt_templates v ON v.id = b.template_id WHERE v.name = t.name) AS batch_count
    FROM prompt_templates t ORDER BY t.name, t.version DESC`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    version: r.version,
    kind: r.kind.replace("_", "-") as PromptTemplate["kind"],
    createdAt: r.created_at,
    versions: Number(r.versions),
    disabled: r.disabled,
    batchCount: r.batch_count,
  }));
}

export async function listTemplateVersions(name: string) {
  return prisma().promptTemplate.findMany({ where: { name }, orderBy: { version: "desc" }, select: { id: true, version: true, createdAt: true } });
}

export async function findTemplate(ref: { id: number } | { name: string; version?: number }): Promise<{ id: number; template: PromptTemplate; disabled: boolean } | null> {
  const row =
    "id" in ref
      ? await prisma().promptTemplate.findUnique({ where: { id: ref.id } })
      : await prisma().promptTemplate.findFirst({ where: { name: ref.name, ...(ref.version ? { version: ref.version } : {}) }, orderBy: { version: "desc" } });
  return row ? { id: row.id, template: templateFromRow(row), disabled: row.disabledAt !== null } : null;
}
