import type { Metadata } from "next";
import Link from "next/link";
import { type DataColumn, DataTable, numberColumn, NumTd, Row, Td } from "@/components/ui/data-table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { DEFAULT_TEMPLATES } from "@/lib/generation/prompts/default-templates";
import { ensureDefaultTemplates } from "@/lib/generation/templates/ensure-default-templates";
import { listLatestTemplates } from "@/lib/generation/templates/list-templates";
import { PageHeader } from "@/components/ui/page-header";
import { TemplateRetire } from "./template-retire";

export const metadata: Metadata = { title: "Prompt templates" };

const TEMPLATE_COLUMNS: DataColumn[] = [{ header: "Template" }, { header: "Kind" }, { header: "Latest version" }, { header: "Saved" }, numberColumn("Batches")];
const SHIPPED = new Set(DEFAULT_TEMPLATES.map((t) => t.name));

export default async function TemplatesPage() {
  const user = await requirePageUser("dashboard.view");
  const mayEdit = can(user.role, "templates.edit");
  await ensureDefaultTemplates();
  const columns = mayEdit ? [...TEMPLATE_COLUMNS, { header: "Use" }] : TEMPLATE_COLUMNS;
  const templates = await listLatestTemplates();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Prompt templates"
        description="Versioned: saving an edit adds a version, and every batch records the exact version it used."
      />
      <DataTable columns={columns}>
        {templates.map((t) => (
          <Row key={t.id}>
            <Td>
              <Link href={`/templates/${t.id}`} className="font-medium text-sky-700 hover:underline">
                {t.name}
              </Link>
              {t.disabled && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600 ring-1 ring-slate-200">disabled</span>}
            </Td>
            <Td>{t.kind}</Td>
            <Td>
              v{t.version} ({t.versions} version{t.versions === 1 ? "" : "s"})
            </Td>
            <Td className="text-slate-600">{t.createdAt.toISOString().slice(0, 16).replace("T", " ")}</Td>
            <NumTd>{t.batchCount.toLocaleString("en-US")}</NumTd>
            {mayEdit && (
              <Td>
                <TemplateRetire name={t.name} disabled={t.disabled} deletable={t.batchCount === 0 && !SHIPPED.has(t.name)} />
              </Td>
            )}
          </Row>
        ))}
      </DataTable>
    </div>
  );
}
