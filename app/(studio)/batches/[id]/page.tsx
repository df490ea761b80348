import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { getBatchProgress } from "@/lib/generation/batches/batch-progress";
import { LiveProgress } from "./live-progress";
import { parseDbId } from "@/lib/web/parse-id";

export const metadata: Metadata = { title: "Batch" };

export default async function BatchPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("dashboard.view");
  const id = parseDbId((await params).id);
  const progress = id !== null ? await getBatchProgress(id) : null;
  if (!progress) notFound();
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm">
          <Link href="/batches" className="text-sky-700 hover:underline">
            Batches
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">
          Batch #{progress.id}: {progress.name}
        </h1>
        <p className="text-sm text-slate-600">
          {progress.kind} · set {progress.setName}
          {progress.targetSetName ? ` → ${progress.targetSetName}` : ""} · endpoint {progress.endpointName ?? "(deleted)"} · model {progress.model} · template{" "}
          {progress.template ? `${progress.template.name} v${progress.template.version}` : "(deleted)"} · N = {progress.samplesPerProblem} · temperature {progress.temperature} · top p {progress.topP} · max{" "}
          {progress.maxTokens} tokens · seeds {progress.seedBase}+
        </p>
      </header>
      <LiveProgress initial={progress} canControl={can(user.role, "batches.control")} />
    </div>
  );
}
