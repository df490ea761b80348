"use client";
// Starts a retrieval run (curators): the set to check (any role: synthesized, seed, even another
// benchmark), the benchmark sets to check it against,
// top-k and threshold, optionally an embeddings endpoint. The run is a background Task.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ResultMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { DecontamChoices } from "@/lib/decontamination/pipeline/find-decontam-runs";
import { startRetrievalAction } from "./actions";

export function RetrievalForm({ choices }: { choices: DecontamChoices }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [against, setAgainst] = useState<number[]>(choices.benchmarkSets.map((s) => s.id));
  if (choices.checkableSets.length === 0 || choices.benchmarkSets.length === 0) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">
        <h3 className="text-sm font-semibold text-slate-800">Run retrieval</h3>
        <p className="mt-2">Retrieval needs a set to check and a benchmark set. Import the test problems with <code>npx boxed import --role benchmark</code>.</p>
      </div>
    );
  }
  return (
    <form
      aria-labelledby="retrieval-form-title"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
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
      <h3 id="retrieval-form-title" className="text-sm font-semibold text-slate-800">
        Run retrieval
      </h3>
      <Field label="Set to check (synthesized, seed or benchmark)">
        <Select name="problemSet">
          {choices.checkableSets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} · {s.role} ({s.problemCount.toLocaleString("en-US")} problems)
            </option>
          ))}
        </Select>
      </Field>
      <fieldset>
        <legend className="font-medium text-slate-700">Against the benchmark sets</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {choices.benchmarkSets.map((s) => (
            <label key={s.id} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={against.includes(s.id)}
                onChange={(e) => setAgainst((prev) => (e.target.checked ? [...prev, s.id] : prev.filter((id) => id !== s.id)))}
              />
              {s.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex gap-3">
        <Field label="Top-k">
          <Input name="topK" type="number" min={1} max={100} defaultValue={5} className="w-20" />
        </Field>
        <Field label="Threshold">
          <Input name="threshold" type="number" min={0} max={1} step={0.05} defaultValue={0.5} className="w-24" />
        </Field>
        <Field label="Embeddings endpoint (optional)" className="flex-1">
          <Select name="embeddings">
            <option value="">none (lexical only)</option>
            {choices.embeddingEndpoints.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Button type="submit" variant="primary" disabled={pending || against.length === 0}>
        {pending ? "Starting…" : "Start retrieval"}
      </Button>
      <ResultMessage message={message} />
    </form>
  );
}
