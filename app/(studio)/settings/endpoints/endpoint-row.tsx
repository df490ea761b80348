"use client";
// One endpoint: its settings, "Test" (one tiny request: the reply or the exact error) and edit.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { EndpointView } from "@/lib/generation/endpoints/list-endpoints";
import { deleteEndpointAction, setEndpointDisabledAction, testEndpointAction } from "./actions";
import { EndpointForm } from "./endpoint-form";

type TestOutcome = Extract<Awaited<ReturnType<typeof testEndpointAction>>, { ok: true }>["data"];

export function EndpointRow({ endpoint }: { endpoint: EndpointView }) {
  const [editing, setEditing] = useState(false);
  const [testing, setTesting] = useState(false);
  const [outcome, setOutcome] = useState<TestOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();

  async function retire(action: "disable" | "enable" | "delete") {
    if (action === "delete" && !window.confirm(`Delete endpoint ${endpoint.name}? No batch names it; this cannot be undone.`)) return;
    setError(null);
    const result = action === "delete" ? await deleteEndpointAction({ id: endpoint.id }) : await setEndpointDisabledAction({ id: endpoint.id, disabled: action === "disable" });
    if (result.ok) router.refresh();
    else setError(result.error);
  }

  async function test() {
    setTesting(true);
    setOutcome(null);
    setError(null);
    const result = await testEndpointAction({ id: endpoint.id });
    setTesting(false);
    if (result.ok) setOutcome(result.data);
    else setError(result.error);
  }

  const key = endpoint.hasStoredKey ? "key stored (encrypted)" : endpoint.apiKeyEnv ? `key from $${endpoint.apiKeyEnv}` : "no key";
  return (
    <article aria-label={`Endpoint ${endpoint.name}`} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h3 className="font-medium">
            {endpoint.name}
            {endpoint.disabled && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600 ring-1 ring-slate-200">disabled</span>}
          </h3>
          <p className="text-slate-600">
            {endpoint.apiStyle} · {endpoint.model} · {endpoint.baseUrl}
          </p>
          <p className="text-xs text-slate-500">
            {endpoint.maxConcurrency} concurrent · {endpoint.requestsPerMinute ? `${endpoint.requestsPerMinute}/min` : "no rate limit"} · timeout {endpoint.timeoutMs.toLocaleString("en-US")} ms · {key} ·{" "}
            {endpoint.batchCount === 0 ? "no batches" : `${endpoint.batchCount.toLocaleString("en-US")} batch${endpoint.batchCount === 1 ? "" : "es"}`}
          </p>
        </div>
        <div className="flex gap-2">
          <Button onClick={test} disabled={testing}>
            {testing ? "Testing…" : `Test ${endpoint.name}`}
          </Button>
          <Button onClick={() => setEditing((v) => !v)}>{editing ? "Close" : "Edit"}</Button>
          <Button onClick={() => void retire(endpoint.disabled ? "enable" : "disable")}>{endpoint.disabled ? `Enable ${endpoint.name}` : `Disable ${endpoint.name}`}</Button>
          {endpoint.batchCount === 0 && (
            <Button variant="danger-outline" onClick={() => void retire("delete")}>
              Delete {endpoint.name}
            </Button>
          )}
        </div>
      </div>
      {outcome && (
        <div role="status" className={`mt-3 rounded-md p-2 ${outcome.ok ? "bg-emerald-50" : "bg-red-50"}`}>
          {outcome.ok ? (
            <>
              <p className="font-medium text-emerald-800">
                Reply in {Math.round(outcome.latencyMs)} ms from {outcome.model} (finish_reason {outcome.finishReason})
              </p>
              <pre className="mt-1 whitespace-pre-wrap text-xs text-slate-800">{outcome.text}</pre>
            </>
          ) : (
            <p className="text-red-800">
              Failed after {Math.round(outcome.latencyMs)} ms: {outcome.error.kind}
              {outcome.error.status ? ` (HTTP ${outcome.error.status})` : ""}: {outcome.error.message}
            </p>
          )}
        </div>
      )}
      {error && (
        <Alert tone="error" className="mt-2">
          {error}
        </Alert>
      )}
      {editing && <EndpointForm endpoint={endpoint} onDone={() => setEditing(false)} />}
    </article>
  );
}
