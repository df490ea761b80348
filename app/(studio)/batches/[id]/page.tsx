import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { getBatchProgress } from "@/lib/generation/batches/batch-progress";
import { solutionsLink } from "@/lib/insights/solutions-link";
import { PageHeader } from "@/components/ui/page-header";
import { LiveProgress } from "./live-progress";
import { parseDbId } from "@/lib/http/parse-id";

export const metadata: Metadata = { title: "Batch" };

export default async function BatchPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("dashboard.view");
  const id = parseDbId((await params).id);
  const progress = id !== null ? await getBatchProgress(id) : null;
  if (!progress) notFound();
  return (
    <div className="space-y-6">
      <PageHeader
        title={
          <>
            Batch #{progress.id}: {progress.name}
          </>
        }
        back={{ href: "/batches", label: "Batches" }}
        description={
          <>
            {progress.kind} · set{" "}
            <Link href={`/sets/${progress.setId}`} className="text-sky-700 hover:underline">
              {progress.setName}
            </Link>
            {progress.targetSetName && (
              <>
                {" → "}
                {progress.targetSetId === null ? (
                  progress.targetSetName
                ) : (
                  <Link href={`/sets/${progress.targetSetId}`} className="text-sky-700 hover:underline">
                    {progress.targetSetName}
                  </Link>
                )}
              </>
            )}{" "}
            · endpoint {progress.endpointName ?? "(deleted)"} · model {progress.model} · template{" "}
            {progress.template ? `${progress.template.name} v${progress.template.version}` : "(deleted)"} · N = {progress.samplesPerProblem} · temperature {progress.temperature} · top p {progress.topP} · max{" "}
            {progress.maxTokens} tokens · seeds {progress.seedBase}+
          </>
        }
      >
        <p className="mt-1 flex flex-wrap gap-4 text-sm">
          {progress.kind !== "problems" && (
            <Link href={solutionsLink({ batchIds: [progress.id] })} className="text-sky-700 hover:underline">
              {progress.kind === "judge" ? "Judge replies" : "Solutions"} of this batch in the table →
            </Link>
          )}
          {progress.kind === "problems" && progress.targetSetId !== null && (
            <Link href={`/sets/${progress.targetSetId}`} className="text-sky-700 hover:underline">
              Problems it created, in set {progress.targetSetName} →
            </Link>
          )}
          {(progress.kind === "label" || progress.kind === "solutions") && (
            <Link href={solutionsLink({ batchIds: [progress.id], verdicts: ["equal"] })} className="text-sky-700 hover:underline">
              Correct ones →
            </Link>
          )}
        </p>
      </PageHeader>
      <LiveProgress initial={progress} canControl={can(user.role, "batches.control")} />
    </div>
  );
}
