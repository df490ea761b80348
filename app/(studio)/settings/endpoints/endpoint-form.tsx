"use client";
// Add or edit an endpoint. The key field is write-only: an edit shows whether a key is stored and
// keeps it unless a new one is typed or "remove the stored key" is ticked.
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckField, Field, Input, Select } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { EndpointView } from "@/lib/generation/endpoints/list-endpoints";
import { createEndpointAction, updateEndpointAction } from "./actions";

export function EndpointForm({ endpoint, onDone }: { endpoint?: EndpointView; onDone?: () => void }) {
  const router = useRouter();
  const { pending, error, run } = useAction();
  const [saved, setSaved] = useState<string | null>(null);

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
    setSaved(null);
    const stored = await run(() => (endpoint ? updateEndpointAction({ ...input, id: endpoint.id }) : createEndpointAction(input)));
    if (!stored) return;
    setSaved(`Saved ${stored.name}.`);
    if (!endpoint) formElement.reset();
    router.refresh();
    onDone?.();
  }

  const prefix = endpoint ? `endpoint-${endpoint.id}-` : "new-endpoint-";
  return (
    <form onSubmit={onSubmit} className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" noValidate>
      <Field label="Name" htmlFor={`${prefix}name`}>
        <Input id={`${prefix}name`} name="name" required defaultValue={endpoint?.name} />
      </Field>
      <Field label="Base URL" htmlFor={`${prefix}baseUrl`} className="sm:col-span-2">
        <Input id={`${prefix}baseUrl`} name="baseUrl" required placeholder="http://127.0.0.1:8000/v1" defaultValue={endpoint?.baseUrl} />
      </Field>
      <Field label="Model" htmlFor={`${prefix}model`}>
        <Input id={`${prefix}model`} name="model" required defaultValue={endpoint?.model} />
      </Field>
      <Field label="API style" htmlFor={`${prefix}apiStyle`}>
        <Select id={`${prefix}apiStyle`} name="apiStyle" defaultValue={endpoint?.apiStyle ?? "chat"}>
          <option value="chat">chat (/v1/chat/completions)</option>
          <option value="completions">completions (/v1/completions, base models)</option>
        </Select>
      </Field>
      <Field label="API key" htmlFor={`${prefix}apiKey`}>
        <Input id={`${prefix}apiKey`} name="apiKey" type="password" autoComplete="off" placeholder={endpoint?.hasStoredKey ? "stored — leave empty to keep" : "none"} />
      </Field>
      <Field label="…or key from environment variable" htmlFor={`${prefix}apiKeyEnv`}>
        <Input id={`${prefix}apiKeyEnv`} name="apiKeyEnv" placeholder="OPENAI_API_KEY" defaultValue={endpoint?.apiKeyEnv ?? ""} />
      </Field>
      <Field label="Max concurrent requests" htmlFor={`${prefix}maxConcurrency`}>
        <Input id={`${prefix}maxConcurrency`} name="maxConcurrency" type="number" min={1} defaultValue={endpoint?.maxConcurrency ?? 16} />
      </Field>
      <Field label="Requests per minute" htmlFor={`${prefix}requestsPerMinute`}>
        <Input id={`${prefix}requestsPerMinute`} name="requestsPerMinute" type="number" min={1} placeholder="no limit" defaultValue={endpoint?.requestsPerMinute ?? ""} />
      </Field>
      <Field label="Request timeout (ms)" htmlFor={`${prefix}timeoutMs`}>
        <Input id={`${prefix}timeoutMs`} name="timeoutMs" type="number" min={100} defaultValue={endpoint?.timeoutMs ?? 600000} />
      </Field>
      {endpoint?.hasStoredKey && (
        <CheckField name="clearApiKey" type="checkbox" className="self-end">
          Remove the stored key
        </CheckField>
      )}
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : endpoint ? "Save changes" : "Add endpoint"}
        </Button>
        {error && <Alert tone="error">{error}</Alert>}
        {saved && <Alert tone="success">{saved}</Alert>}
      </div>
    </form>
  );
}
