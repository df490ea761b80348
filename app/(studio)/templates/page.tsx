import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/page-guard";
import { ensureDefaultTemplates } from "@/lib/generation/templates/ensure-default-templates";
import { listLatestTemplates } from "@/lib/generation/templates/list-templates";

export const metadata: Metadata = { title: "Prompt templates" };

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
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2">Template</th>
              <th className="px-4 py-2">Kind</th>
              <th className="px-4 py-2">Latest version</th>
              <th className="px-4 py-2">Saved</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((t) => (
              <tr key={t.id} className="border-t border-slate-100">
                <td className="px-4 py-2">
                  <Link href={`/templates/${t.id}`} className="font-medium text-sky-700 hover:underline">
                    {t.name}
                  </Link>
                </td>
                <td className="px-4 py-2">{t.kind}</td>
                <td className="px-4 py-2">
                  v{t.version} ({t.versions} version{t.versions === 1 ? "" : "s"})
                </td>
                <td className="px-4 py-2 text-slate-600">{t.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
