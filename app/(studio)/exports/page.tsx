import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listProblemSets } from "@/lib/datasets/list-problem-sets";
import { listRecentTasks } from "@/lib/tasks/task-status";
import { PageHeader } from "@/components/ui/page-header";
import { ExportForm } from "./export-form";
import { RecentExports } from "./recent-exports";

export const metadata: Metadata = { title: "Exports" };

export default async function ExportsPage() {
  await requirePageUser("export.download");
  const [sets, recent] = await Promise.all([listProblemSets(), listRecentTasks("export", 10)]);
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title="Exports"
        description={
          <>
            Training files in the OpenMathInstruct-2, NeMo-Skills SFT or chat formats, with the recipe&apos;s filters at their published values. Every export
            has a manifest: counts per source, what each filter removed and why.
          </>
        }
      />
      <ExportForm sets={sets.map((s) => ({ name: s.name, role: s.role, solutions: s.sampleCount }))} />
      <RecentExports exports={recent} />
    </div>
  );
}
