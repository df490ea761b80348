"use client";
// Offline cluster runs: download the pending requests as an OpenAI Batch API input file, run it
// elsewhere, upload the output file. A file with a bad line changes nothing and names the lines.
import { type FormEvent, useState } from "react";

export function OfflinePanel({ batchId, state, onImported }: { batchId: number; state: string; onImported: () => Promise<void> }) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setMessage(null);
    const response = await fetch(`/api/batches/${batchId}/results`, { method: "POST", body: form });
    const body = (await response.json()) as { error?: string; lines?: number; stored?: number; failed?: number; retryLater?: number; skipped?: number };
    setBusy(false);
    setMessage(response.ok ? `${body.lines} lines: ${body.stored} stored, ${body.failed} failed for good, ${body.retryLater} to retry, ${body.skipped} already stored.` : (body.error ?? `upload failed (HTTP ${response.status})`));
    await onImported();
  }

  return (
    <section aria-labelledby="offline-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="offline-heading" className="font-semibold text-slate-700">
        Offline run (OpenAI Batch API files)
      </h2>
      {state === "paused" ? (
        <a href={`/api/batches/${batchId}/requests`} className="text-sky-700 hover:underline">
          Download the pending requests (JSONL)
        </a>
      ) : (
        <p className="text-slate-600">Pause the batch to download its pending requests, so workers do not send them too.</p>
      )}
      <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
        <label className="text-sm">
          <span className="mr-2">Output file</span>
          <input type="file" name="file" accept=".jsonl,application/jsonl,application/json" required />
        </label>
        <button type="submit" disabled={busy} className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-50">
          {busy ? "Importing…" : "Import results"}
        </button>
      </form>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
