"use client";
// Starts a retrieval run (curators): the set to check (any role: synthesized, seed, even another
// benchmark), the benchmark sets to check it against,
// top-k and threshold, optionally an embeddings endpoint. The run is a background Task.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ResultMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckField, Field, FieldGroup, Input, Select } from "@/components/ui/field";
import type { DecontamChoices } from "@/lib/decontamination/pipeline/find-decontam-runs";
import { startRetrievalAction } from "./actions";
import { StepForm } from "./step-form";

export function RetrievalForm({ choices }: { choices: DecontamChoices }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [against, setAgainst] = useState<number[]>(choices.benchmarkSets.map((s) => s.id));
  const runnable = choices.checkableSets.length > 0 && choices.benchmarkSets.length > 0;
  return (
    <StepForm
      id="retrieval-form-title"
      title="Run retrieval"
      missing={
        !runnable && (
          <>
            Retrieval needs a set to check and a benchmark set. Import the test problems with <code>npx boxed import --role benchmark</code>.
          </>
        )
      }
      onSubmit={(form) => {
        const data = new FormData(form);
        const embeddings = String(data.get("embeddings") ?? "");
        start(async () => {
          const result = await startRetrievalAction({
            problemSet: Number(data.get("problemSet")),
            against,
            topK: Number(data.get("topK")),
            threshold: Number(data.get("threshold")),
            embeddingEndpoint: embeddings ? Number(embeddings) : null,
          });
          setMessage(result.ok ? { ok: true, text: `Retrieval task #${result.data.taskId} queued.` } : { ok: false, text: result.error });
          router.refresh();
        });
      }}
    >
      <Field label="Set to check (synthesized, seed or benchmark)">
        <Select name="problemSet" options={choices.checkableSets.map((s) => ({ value: s.id, label: `${s.name} · ${s.role} (${s.problemCount.toLocaleString("en-US")} problems)` }))} />
      </Field>
      <FieldGroup legend="Against the benchmark sets" className="flex flex-wrap gap-3">
        {choices.benchmarkSets.map((s) => (
          <CheckField
            key={s.id}
            type="checkbox"
            checked={against.includes(s.id)}
            onChange={(e) => setAgainst((prev) => (e.target.checked ? [...prev, s.id] : prev.filter((id) => id !== s.id)))}
          >
            {s.name}
          </CheckField>
        ))}
      </FieldGroup>
      <div className="flex gap-3">
        <Field label="Top-k">
          <Input name="topK" type="number" min={1} max={100} defaultValue={5} className="w-20" />
        </Field>
        <Field label="Threshold">
          <Input name="threshold" type="number" min={0} max={1} step={0.05} defaultValue={0.5} className="w-24" />
        </Field>
        <Field label="Embeddings endpoint (optional)" className="flex-1">
          <Select name="embeddings" options={choices.embeddingEndpoints.map((e) => ({ value: e.id, label: e.name }))}>
            <option value="">none (lexical only)</option>
          </Select>
        </Field>
      </div>
      <Button type="submit" variant="primary" disabled={pending || against.length === 0}>
        {pending ? "Starting…" : "Start retrieval"}
      </Button>
      <ResultMessage message={message} />
    </StepForm>
  );
}
