"use client";
// Two steps: "Review" asks the server for the request count and token estimate of exactly these
// settings; "Launch" (one click more) creates the batch and opens its page.
import { useRouter } from "next/navigation";
import { type FormEvent, useMemo, useState } from "react";
import type { BatchKindFacts } from "@/lib/generation/batch-kinds/batch-kind";
import type { BatchKindName } from "@/lib/generation/batches/batch-launch-input";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { CheckField, Field, FieldGroup, Input, Select } from "@/components/ui/field";
import { launchBatchAction, previewBatchAction } from "../actions";

interface Option {
  id: number;
  name: string;
}

type Preview = Extract<Awaited<ReturnType<typeof previewBatchAction>>, { ok: true }>["data"];

const count = (n: number) => n.toLocaleString("en-US");
export function LaunchForm({
  kinds,
  sets,
  endpoints,
  templates,
}: {
  /** The batch kinds' facts (lib/generation/batch-kinds/registry.ts), in the order they are listed. */
  kinds: BatchKindFacts[];
  sets: (Option & { role: string; problemCount: number })[];
  endpoints: (Option & { apiStyle: string; model: string })[];
  templates: (Option & { version: number; kind: string })[];
}) {
  const router = useRouter();
  const [kind, setKind] = useState<BatchKindName>("solutions");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [input, setInput] = useState<Record<string, unknown> | null>(null);
  const facts = kinds.find((k) => k.name === kind) ?? kinds[0];
  const kindTemplates = useMemo(() => templates.filter((t) => (facts.templateKinds as readonly string[]).includes(t.kind)), [templates, facts]);
  const defaults = facts.sampling;

  function readForm(form: HTMLFormElement) {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const num = (name: string) => (text(name) === "" ? undefined : Number(text(name)));
    return {
      kind,
      set: Number(text("set")),
      endpoint: Number(text("endpoint")),
      ...(text("template") ? { template: Number(text("template")) } : {}),
      ...(!facts.fixedSamples ? { samplesPerProblem: num("n") } : {}),
      limit: num("limit"),
      temperature: num("temperature"),
      topP: num("topP"),
      maxTokens: num("maxTokens"),
      seedBase: num("seedBase"),
      ...(kind === "problems" && text("targetSet") ? { targetSet: text("targetSet") } : {}),
    };
  }

  async function onReview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readForm(event.currentTarget);
    setPending(true);
    setError(null);
    setPreview(null);
    const result = await previewBatchAction(values);
    setPending(false);
    if (!result.ok) return setError(result.error);
    setInput(values);
    setPreview(result.data);
  }

  async function onLaunch() {
    if (!input) return;
    setPending(true);
    setError(null);
    const result = await launchBatchAction(input as Parameters<typeof launchBatchAction>[0]);
    if (!result.ok) {
      setPending(false);
      return setError(result.error);
    }
    router.push(`/batches/${result.data.batchId}`);
  }

  return (
    <form onSubmit={onReview} onChange={() => setPreview(null)} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <FieldGroup legend="Kind" className="grid gap-1 sm:grid-cols-2">
        {kinds.map((k) => (
          <CheckField key={k.name} type="radio" name="kind" value={k.name} checked={kind === k.name} onChange={() => setKind(k.name)}>
            {k.title}
          </CheckField>
        ))}
      </FieldGroup>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Problem set">
          <Select name="set" required options={sets.map((s) => ({ value: s.id, label: `${s.name} (${s.role}, ${count(s.problemCount)} problems)` }))} />
        </Field>
        <Field label="Endpoint">
          <Select name="endpoint" required options={endpoints.map((e) => ({ value: e.id, label: `${e.name} (${e.apiStyle}, ${e.model})` }))} />
        </Field>
        <Field label="Template">
          <Select name="template" key={kind} defaultValue="" options={kindTemplates.map((t) => ({ value: t.id, label: `${t.name} v${t.version}` }))}>
            <option value="">Default for this kind and endpoint</option>
          </Select>
        </Field>
      </div>
      {endpoints.length === 0 && <p className="text-sm text-amber-700">No endpoint yet: an admin adds one under Settings → Endpoints.</p>}
      <div className="grid gap-3 sm:grid-cols-3" key={`sampling-${kind}`}>
        {!facts.fixedSamples && (
          <Field label={kind === "problems" ? "New problems per seed (N)" : "Samples per problem (N)"}>
            <Input name="n" type="number" min={1} defaultValue={facts.defaultSamples} />
          </Field>
        )}
        <Field label="At most this many problems">
          <Input name="limit" type="number" min={1} placeholder="all" />
        </Field>
        <Field label="Seed base (seed = base + sample index)">
          <Input name="seedBase" type="number" min={0} defaultValue={0} />
        </Field>
        <Field label="Temperature">
          <Input name="temperature" type="number" step="0.05" min={0} max={2} defaultValue={defaults.temperature} />
        </Field>
        <Field label="Top p">
          <Input name="topP" type="number" step="0.01" min={0.01} max={1} defaultValue={defaults.topP} />
        </Field>
        <Field label="Max new tokens">
          <Input name="maxTokens" type="number" min={1} defaultValue={defaults.maxTokens} />
        </Field>
        {kind === "problems" && (
          <Field label="Target synthetic set (created when missing)" className="sm:col-span-3">
            <Input name="targetSet" placeholder="<seed set>-augmented" />
          </Field>
        )}
      </div>
      {error && (
        <Alert tone="error">
          {error}
        </Alert>
      )}
      {preview ? (
        <section aria-label="Review" className="space-y-2 rounded-md border border-sky-200 bg-sky-50 p-3 text-sm">
          <p className="font-medium">{preview.name}</p>
          <p>
            <strong>{count(preview.requests)} requests</strong> for {count(preview.problems)} problems · template {preview.template} · temperature {preview.temperature}, top p {preview.topP}, max{" "}
            {count(preview.maxTokens)} tokens{preview.targetSetName ? ` · into ${preview.targetSetName}` : ""}
          </p>
          <p>
            About {count(preview.promptTokensEstimate)} prompt tokens; at most {count(preview.completionTokensUpperBound)} completion tokens
            {preview.completionTokensTypical !== null ? ` (typically ~${count(preview.completionTokensTypical)})` : ""}.
          </p>
          <p className="text-xs text-slate-600">{preview.method}</p>
          {preview.endpointCheck.ok ? (
            <p className="text-xs text-emerald-800">The endpoint answered a test request in {count(preview.endpointCheck.latencyMs)} ms.</p>
          ) : (
            <Alert tone="warning" banner urgent className="border border-amber-300">
              <strong>The endpoint did not answer a test request</strong>: {preview.endpointCheck.message}. Every request of this batch may fail the same way; fix the endpoint
              under Settings → Endpoints, or launch anyway if the server is still starting.
            </Alert>
          )}
          <Button onClick={onLaunch} disabled={pending} variant="primary">
            {pending ? "Launching…" : `${preview.endpointCheck.ok ? "Launch" : "Launch anyway:"} ${count(preview.requests)} requests`}
          </Button>
        </section>
      ) : (
        <Button type="submit" disabled={pending || endpoints.length === 0 || sets.length === 0}>
          {pending ? "Counting…" : "Review requests and tokens"}
        </Button>
      )}
    </form>
  );
}
