import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listEndpoints } from "@/lib/generation/endpoints/list-endpoints";
import { PageHeader } from "@/components/ui/page-header";
import { EndpointForm } from "./endpoint-form";
import { EndpointRow } from "./endpoint-row";

export const metadata: Metadata = { title: "Endpoints" };

export default async function EndpointsPage() {
  await requirePageUser("endpoints.manage");
  // The safe view: whether a key is stored, never the key or its ciphertext.
  const endpoints = await listEndpoints();
  return (
    <div className="space-y-8">
      <PageHeader
        title="Model endpoints"
        description={
          <>
            OpenAI-compatible servers (vLLM, NIM, SGLang, llama.cpp, hosted APIs). Concurrency and requests per minute are shared by every worker. API keys are stored encrypted
            (AES-256-GCM) and never shown again; or name an environment variable the workers read.
          </>
        }
      />
      <section aria-labelledby="add-endpoint" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="add-endpoint" className="text-sm font-semibold text-slate-700">
          Add an endpoint
        </h2>
        <EndpointForm />
      </section>
      <section aria-labelledby="endpoint-list" className="space-y-3">
        <h2 id="endpoint-list" className="text-sm font-semibold text-slate-700">
          Endpoints
        </h2>
        {endpoints.length === 0 && <p className="text-sm text-slate-600">None yet.</p>}
        {endpoints.map((endpoint) => (
          <EndpointRow key={endpoint.id} endpoint={endpoint} />
        ))}
      </section>
    </div>
  );
}
