import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listEndpoints } from "@/lib/generation/endpoints/list-endpoints";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
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
      <Section card id="add-endpoint" title="Add an endpoint">
        <EndpointForm />
      </Section>
      <Section id="endpoint-list" title="Endpoints" empty={endpoints.length === 0 && "None yet."}>
        {endpoints.map((endpoint) => (
          <EndpointRow key={endpoint.id} endpoint={endpoint} />
        ))}
      </Section>
    </div>
  );
}
