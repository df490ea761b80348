"use client";
// Add or edit an endpoint. The key field is write-only: an edit shows whether a key is stored and
// keeps it unless a new one is typed or "remove the stored key" is ticked.
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import type { EndpointView } from "@/lib/generation/endpoints/list-endpoints";
import { createEndpointAction, updateEndpointAction } from "./actions";

const field = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5";

export function EndpointForm({ endpoint, onDone }: { endpoint?: EndpointView; onDone?: () => void }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const input = {
      name: text("name"),
      baseUrl: text("baseUrl"),
      model: text("model"),
      apiStyle: (text("apiStyle") || "chat") as "chat" | "completions",
      ...(text("apiKey") ? { apiKey: text("apiKey") } : {}),
      ...(text("apiKeyEnv") ? { apiKeyEnv: text("apiKeyEnv") } : {}),
      clearApiKey: form.get("clearApiKey") === "on",
      maxConcurrency: Number(text("maxConcurrency") || 16),
      requestsPerMinute: text("requestsPerMinute") ? Number(text("requestsPerMinute")) : null,
      timeoutMs: Number(text("timeoutMs") || 600000),
    };
    setPending(true);
    setError(null);
    setSaved(null);
    const result = endpoint ? await updateEndpointAction({ ...input, id: endpoint.id }) : await createEndpointAction(input);
    setPending(false);
    if (!result.ok) return setError(result.error);
    setSaved(`Saved ${result.data.name}.`);
    if (!endpoint) formElement.reset();
    router.refresh();
    onDone?.();
  }

  const prefix = endpoint ? `endpoint-${endpoint.id}-` : "new-endpoint-";
  return (
    <form onSubmit={onSubmit} className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" noValidate>
      <label className="text-sm" htmlFor={`${prefix}name`}>
        <span className="block font-medium text-slate-700">Name</span>
        <input id={`${prefix}name`} name="name" required defaultValue={endpoint?.name} className={field} />
      </label>
      <label className="text-sm sm:col-span-2" htmlFor={`${prefix}baseUrl`}>
        <span className="block font-medium text-slate-700">Base URL</span>
        <input id={`${prefix}baseUrl`} name="baseUrl" required placeholder="http://127.0.0.1:8000/v1" defaultValue={endpoint?.baseUrl} className={field} />
      </label>
      <label className="text-sm" htmlFor={`${prefix}model`}>
        <span className="block font-medium text-slate-700">Model</span>
        <input id={`${prefix}model`} name="model" required defaultValue={endpoint?.model} className={field} />
      </label>
      <label className="text-sm" htmlFor={`${prefix}apiStyle`}>
        <span className="block font-medium text-slate-700">API style</span>
        <select id={`${prefix}apiStyle`} name="apiStyle" defaultValue={endpoint?.apiStyle ?? "chat"} className={field}>
          <option value="chat">chat (/v1/chat/completions)</option>
          <option value="completions">completions (/v1/completions, base models)</option>
        </select>
      </label>
      <label className="text-sm" htmlFor={`${prefix}apiKey`}>
        <span className="block font-medium text-slate-700">API key</span>
        <input
          id={`${prefix}apiKey`}
          name="apiKey"
          type="password"
          autoComplete="off"
          placeholder={endpoint?.hasStoredKey ? "stored — leave empty to keep" : "none"}
          className={field}
        />
      </label>
      <label className="text-sm" htmlFor={`${prefix}apiKeyEnv`}>
        <span className="block font-medium text-slate-700">…or key from environment variable</span>
        <input id={`${prefix}apiKeyEnv`} name="apiKeyEnv" placeholder="OPENAI_API_KEY" defaultValue={endpoint?.apiKeyEnv ?? ""} className={field} />
      </label>
      <label className="text-sm" htmlFor={`${prefix}maxConcurrency`}>
        <span className="block font-medium text-slate-700">Max concurrent requests</span>
        <input id={`${prefix}maxConcurrency`} name="maxConcurrency" type="number" min={1} defaultValue={endpoint?.maxConcurrency ?? 16} className={field} />
      </label>
      <label className="text-sm" htmlFor={`${prefix}requestsPerMinute`}>
        <span className="block font-medium text-slate-700">Requests per minute</span>
        <input id={`${prefix}requestsPerMinute`} name="requestsPerMinute" type="number" min={1} placeholder="no limit" defaultValue={endpoint?.requestsPerMinute ?? ""} className={field} />
      </label>
      <label className="text-sm" htmlFor={`${prefix}timeoutMs`}>
        <span className="block font-medium text-slate-700">Request timeout (ms)</span>
        <input id={`${prefix}timeoutMs`} name="timeoutMs" type="number" min={100} defaultValue={endpoint?.timeoutMs ?? 600000} className={field} />
      </label>
      {endpoint?.hasStoredKey && (
        <label className="flex items-center gap-2 self-end text-sm">
          <input name="clearApiKey" type="checkbox" /> Remove the stored key
        </label>
      )}
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
        <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50">
          {pending ? "Saving…" : endpoint ? "Save changes" : "Add endpoint"}
        </button>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
        {saved && (
          <p role="status" className="text-sm text-emerald-700">
            {saved}
          </p>
        )}
      </div>
    </form>
  );
}
