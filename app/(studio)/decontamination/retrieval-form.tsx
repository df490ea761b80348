"use client";
// Starts a retrieval run (curators): the set to check (any role: synthesized, seed, even another
// benchmark), the benchmark sets to check it against,
// top-k and threshold, optionally an embeddings endpoint. The run is a background Task.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
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
      <label className="block">
        <span className="text-xs font-medium text-slate-700">Set to check (synthesized, seed or benchmark)</span>
        <select name="problemSet" className="mt-1 block w-full rounded border border-slate-300 px-2 py-1">
          {choices.checkableSets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} · {s.role} ({s.problemCount.toLocaleString("en-US")} problems)
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend className="text-xs font-medium text-slate-700">Against the benchmark sets</legend>
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
        <label className="block">
          <span className="text-xs font-medium text-slate-700">Top-k</span>
          <input name="topK" type="number" min={1} max={100} defaultValue={5} className="mt-1 block w-20 rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="block">
          <span className="text-xs font-medium text-slate-700">Threshold</span>
          <input name="threshold" type="number" min={0} max={1} step={0.05} defaultValue={0.5} className="mt-1 block w-24 rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="block flex-1">
          <span className="text-xs font-medium text-slate-700">Embeddings endpoint (optional)</span>
          <select name="embeddings" className="mt-1 block w-full rounded border border-slate-300 px-2 py-1">
            <option value="">none (lexical only)</option>
            {choices.embeddingEndpoints.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="submit" disabled={pending || against.length === 0} className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700 disabled:opacity-50">
        {pending ? "Starting…" : "Start retrieval"}
      </button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-emerald-700" : "text-rose-700"}>
          {message.text}
        </p>
      )}
    </form>
  );
}
