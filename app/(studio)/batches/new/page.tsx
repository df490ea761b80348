import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { batchKindFacts } from "@/lib/generation/batch-kinds/registry";
import { listSetChoices } from "@/lib/datasets/sets/list-set-choices";
import { listEndpoints } from "@/lib/generation/endpoints/list-endpoints";
import { ensureDefaultTemplates } from "@/lib/generation/templates/ensure-default-templates";
import { listLatestTemplates } from "@/lib/generation/templates/list-templates";
import { PageHeader } from "@/components/ui/page-header";
import { LaunchForm } from "./launch-form";

export const metadata: Metadata = { title: "Launch a batch" };

export default async function NewBatchPage() {
  await requirePageUser("batches.launch");
  await ensureDefaultTemplates();
  const [sets, endpoints, templates] = await Promise.all([
    listSetChoices({ includeArchived: false }),
    listEndpoints(),
    listLatestTemplates(),
  ]);
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title="Launch a batch"
        description="        Choose what to generate, review the number of requests and the token estimate, then launch. Defaults follow the OpenMathInstruct-2 recipe."
      />
      <LaunchForm
        kinds={batchKindFacts()}
        sets={sets}
        endpoints={endpoints.filter((e) => !e.disabled).map((e) => ({ id: e.id, name: e.name, apiStyle: e.apiStyle, model: e.model }))}
        templates={templates.filter((t) => !t.disabled).map((t) => ({ id: t.id, name: t.name, version: t.version, kind: t.kind }))}
      />
    </div>
  );
}
