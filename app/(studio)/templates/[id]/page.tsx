import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { findTemplate, listTemplateVersions } from "@/lib/generation/templates/list-templates";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { listSetChoices } from "@/lib/datasets/sets/list-set-choices";
import { PageHeader } from "@/components/ui/page-header";
import { TemplateEditor } from "./template-editor";
import { parseDbId } from "@/lib/http/parse-id";

export const metadata: Metadata = { title: "Prompt template" };

export default async function TemplatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ set?: string }> }) {
  const user = await requirePageUser("dashboard.view");
  const id = parseDbId((await params).id);
  const found = id !== null ? await findTemplate({ id }) : null;
  if (!found) notFound();
  const setId = parseDbId((await searchParams).set) ?? Number.NaN;
  const [versions, sets] = await Promise.all([
    listTemplateVersions(found.template.name),
    listSetChoices(),
  ]);
  const chosenSet = sets.find((s) => s.id === setId) ?? sets.find((s) => s.role === "seed") ?? sets[0];
  // A real problem for the preview (and for the judge, a second one), first of the chosen set.
  const problems = chosenSet ? await prisma().problem.findMany({ where: { setId: chosenSet.id }, orderBy: { id: "asc" }, take: 2, select: { id: true, text: true, source: true } }) : [];
  return (
    <div className="space-y-6">
      <PageHeader
        title={
          <>
            {found.template.name} <span className="text-slate-500">v{found.template.version}</span>
          </>
        }
        back={{ href: "/templates", label: "Templates" }}
        description={
          <>
            {found.template.kind} · versions:{" "}
            {versions.map((v, i) => (
              <span key={v.id}>
                {i > 0 ? ", " : ""}
                <Link href={`/templates/${v.id}`} className={v.id === found.id ? "font-semibold" : "text-sky-700 hover:underline"}>
                  v{v.version}
                </Link>
              </span>
            ))}
          </>
        }
      />
      <form method="get" className="flex items-end gap-2 text-sm">
        <Field label="Preview with the first problem of">
          <Select name="set" defaultValue={chosenSet?.id} className="w-auto max-w-full" options={sets.map((s) => ({ value: s.id, label: `${s.name} (${s.role})` }))} />
        </Field>
        <Button type="submit">Use this set</Button>
      </form>
      <TemplateEditor template={found.template} problems={problems} canEdit={can(user.role, "templates.edit")} />
    </div>
  );
}
