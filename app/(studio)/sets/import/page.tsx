import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listProblemSets } from "@/lib/datasets/list-problem-sets";
import { PageHeader } from "@/components/ui/page-header";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import a file" };

export default async function ImportPage() {
  await requirePageUser("sets.import");
  const sets = await listProblemSets();
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title="Import a file"
        description={
          <>
            GSM8K, MATH, OpenMathInstruct-2 (JSONL or Parquet), NeMo-Skills outputs, chat messages, or any JSONL/CSV with a column mapping. A file imports completely
            or not at all; solutions are graded in the background afterwards.
          </>
        }
      />
      <ImportForm sets={sets.map((s) => ({ name: s.name, role: s.role }))} />
    </div>
  );
}
