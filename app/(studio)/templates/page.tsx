import type { Metadata } from "next";
import Link from "next/link";
import { Row, type SimpleColumn, SimpleTable, Td } from "@/components/ui/simple-table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { ensureDefaultTemplates } from "@/lib/generation/templates/ensure-default-templates";
import { listLatestTemplates } from "@/lib/generation/templates/list-templates";

export const metadata: Metadata = { title: "Prompt templates" };

const TEMPLATE_COLUMNS: SimpleColumn[] = [{ header: "Template" }, { header: "Kind" }, { header: "Latest version" }, { header: "Saved" }];

export default async function TemplatesPage() {
  await requirePageUser("dashboard.view");
  await ensureDefaultTemplates();
  const templates = await listLatestTemplates();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Prompt templates</h1>
        <p className="text-sm text-slate-600">Versioned: saving an edit adds a version, and every batch records the exact version it used.</p>
      </header>
      <SimpleTable columns={TEMPLATE_COLUMNS}>
        {templates.map((t) => (
          <Row key={t.id}>
            <Td>
              <Link href={`/templates/${t.id}`} className="font-medium text-sky-700 hover:underline">
                {t.name}
              </Link>
            </Td>
            <Td>{t.kind}</Td>
            <Td>
              v{t.version} ({t.versions} version{t.versions === 1 ? "" : "s"})
            </Td>
            <Td className="text-slate-600">{t.createdAt.toISOString().slice(0, 16).replace("T", " ")}</Td>
          </Row>
        ))}
      </SimpleTable>
    </div>
  );
}
