"use client";
// Offline cluster runs: download the pending requests as an OpenAI Batch API input file, run it
// elsewhere, upload the output file. A file with a bad line changes nothing and names the lines.
import { type FormEvent, useState } from "react";
import { ProgressMeter } from "@/components/ui/progress-meter";
import { uploadFile } from "@/lib/browser/upload-file";
import { Button } from "@/components/ui/button";

type Phase = { kind: "idle" } | { kind: "uploading"; sent: number; total: number; startedAt: number } | { kind: "applying"; name: string } | { kind: "done"; message: string };

interface ResultsReport {
  error?: string;
  lines?: number;
  stored?: number;
  failed?: number;
  retryLater?: number;
  skipped?: number;
}

export function OfflinePanel({ batchId, state, onImported }: { batchId: number; state: string; onImported: () => Promise<void> }) {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File)) return;
    const startedAt = Date.now();
    setPhase({ kind: "uploading", sent: 0, total: file.size, startedAt });
    let message: string;
    try {
      const url = `/api/batches/${batchId}/results?name=${encodeURIComponent(file.name)}`;
      const answer = await uploadFile(url, file, (sent, total) => setPhase(sent < total ? { kind: "uploading", sent, total, startedAt } : { kind: "applying", name: file.name }));
      const r = answer.body as ResultsReport;
      message = answer.status < 400 ? `${r.lines} lines: ${r.stored} stored, ${r.failed} failed for good, ${r.retryLater} to retry, ${r.skipped} already stored.` : (r.error ?? `upload failed (HTTP ${answer.status})`);
    } catch (error) {
      message = (error as Error).message;
    }
    setPhase({ kind: "done", message });
    await onImported();
  }

  const busy = phase.kind === "uploading" || phase.kind === "applying";
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
        <Button type="submit" disabled={busy}>
          {busy ? "Importing…" : "Import results"}
        </Button>
      </form>
      {phase.kind === "uploading" && (
        <ProgressMeter label="Upload progress" done={phase.sent} total={phase.total} unit="bytes" elapsedSeconds={(Date.now() - phase.startedAt) / 1000} />
      )}
      {phase.kind === "applying" && <p role="status">Checking every line of {phase.name}, then storing the results…</p>}
      {phase.kind === "done" && <p role="status">{phase.message}</p>}
    </section>
  );
}
