"use client";

// Pick a file, a set, a role and a format; the file streams to the server (XHR, for upload
// progress), the import runs as a job, and this page polls its Task: progress with counts, rate
// and ETA, then the summary, then grading progress and disagreements with the file's verdicts.
import { type FormEvent, useState } from "react";
import { useTaskProgress } from "@/components/tasks/use-task-progress";
import { ProgressMeter } from "@/components/ui/progress-meter";
import { uploadFile } from "@/lib/browser/upload-file";
import { RELEASE_SOURCES } from "@/lib/datasets/formats/release-sources";
import type { ImportSummary } from "@/lib/datasets/import/import-summary";
import { isOpenTaskState } from "@/lib/tasks/task-kinds";
import type { TaskStatus } from "@/lib/tasks/task-status";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Select } from "@/components/ui/field";
import { ImportSummaryView } from "./import-summary-view";

const FORMATS = [
  ["", "Detect automatically"],
  ["gsm8k", "GSM8K (question, answer)"],
  ["math", "MATH (problem, solution)"],
  ["omi2", "OpenMathInstruct-2"],
  ["nemo-skills", "NeMo-Skills output"],
  ["messages", "Chat messages (user, assistant)"],
  ["generic", "Generic (with a column mapping)"],
] as const;

type Phase = { kind: "idle" } | { kind: "uploading"; sent: number; total: number; startedAt: number } | { kind: "importing"; taskId: number } | { kind: "error"; message: string };

function elapsed(since: string | null): number {
  return since ? Math.max(0.001, (Date.now() - new Date(since).getTime()) / 1000) : 0;
}

/** The import is done, but its grading or search index (shown on this page) is still to come. */
function followUpOpen(s: TaskStatus<"import">): boolean {
  const gradingOpen = !!s.grading && isOpenTaskState(s.grading.state);
  const gradingPending = s.state === "completed" && !!s.result && "ok" in s.result && !!s.result.grading && !s.grading;
  const indexOpen = !!s.searchIndex && isOpenTaskState(s.searchIndex.state);
  return gradingOpen || gradingPending || indexOpen;
}

export function ImportForm({ sets }: { sets: { name: string; role: string }[] }) {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [role, setRole] = useState("seed");
  const { status } = useTaskProgress<"import">(phase.kind === "importing" ? phase.taskId : null, { intervalMs: 700, keepPolling: followUpOpen });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.name === "") {
      setPhase({ kind: "error", message: "Choose a file to import." });
      return;
    }
    const query = new URLSearchParams({
      set: String(form.get("set") ?? ""),
      role: String(form.get("role") ?? ""),
      format: String(form.get("format") ?? ""),
      mapping: String(form.get("mapping") ?? ""),
      source: String(form.get("source") ?? ""),
      fullGeneration: form.get("fullGeneration") === "on" ? "1" : "",
      idField: String(form.get("idField") ?? "").trim(),
      name: file.name,
    });
    const startedAt = Date.now();
    setPhase({ kind: "uploading", sent: 0, total: file.size, startedAt });
    try {
      const answer = await uploadFile(`/api/imports/upload?${query}`, file, (sent, total) => setPhase({ kind: "uploading", sent, total, startedAt }));
      const { taskId, error } = answer.body as { taskId?: number; error?: string };
      if (answer.status >= 400 || typeof taskId !== "number") {
        setPhase({ kind: "error", message: error ?? `The server answered ${answer.status}.` });
        return;
      }
      setPhase({ kind: "importing", taskId });
    } catch (error) {
      setPhase({ kind: "error", message: (error as Error).message });
    }
  }

  const busy = phase.kind === "uploading" || (phase.kind === "importing" && (!status || status.state === "queued" || status.state === "running"));
  const live = status?.result && "live" in status.result ? status.result.live : undefined;
  // A failed import has no summary when it never reached the end: its worker died mid-way and
  // task recovery (lib/jobs/recover-tasks.ts) failed it; the Task's error says what happened.
  const summary: ImportSummary | null = status && (status.state === "completed" || status.state === "failed") && status.result && "ok" in status.result ? status.result : null;
  const failedWithoutSummary = status?.state === "failed" && !summary ? (status.error ?? "The import failed.") : null;

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <Field label="File" htmlFor="file">
          <input id="file" name="file" type="file" accept=".jsonl,.json,.csv,.parquet,.txt" className="mt-1 block w-full text-sm" />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Problem set" htmlFor="set">
            <Input
              id="set"
              name="set"
              list="known-sets"
              required
              placeholder="e.g. gsm8k-train"
              onChange={(e) => {
                const known = sets.find((s) => s.name === e.target.value);
                if (known) setRole(known.role);
              }}
            />
            <datalist id="known-sets">
              {sets.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.role}
                </option>
              ))}
            </datalist>
            <p className="mt-1 text-xs text-slate-500">A new name creates the set.</p>
          </Field>
          <Field label="Role" htmlFor="role">
            <Select id="role" name="role" value={role} onChange={(e) => setRole(e.target.value)}>
              <option value="seed">seed</option>
              <option value="synthetic">synthetic</option>
              <option value="benchmark">benchmark</option>
            </Select>
          </Field>
          <Field label="Format" htmlFor="format">
            <Select id="format" name="format" options={FORMATS.map(([value, label]) => ({ value, label }))} />
          </Field>
          <Field label="Column mapping" htmlFor="mapping">
            <Input id="mapping" name="mapping" placeholder="problem=question,answer=final" />
          </Field>
          <Field label="Id column" htmlFor="idField">
            <Input id="idField" name="idField" placeholder="id, unique_id or problem_id" />
          </Field>
          <Field label="Problem source" htmlFor="source">
            <Input
              id="source"
              name="source"
              list="release-sources"
              placeholder="the set name"
              aria-describedby="source-help"
            />
            <datalist id="release-sources">
              {RELEASE_SOURCES.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
            <p id="source-help" className="mt-1 text-xs text-slate-500">
              For rows that name none (NeMo-Skills outputs). The release uses gsm8k, math, augmented_gsm8k, augmented_math.
            </p>
          </Field>
          <div className="flex items-start gap-2 pt-6">
            <input id="fullGeneration" name="fullGeneration" type="checkbox" className="mt-1" />
            <label htmlFor="fullGeneration" className="text-sm text-slate-700">
              NeMo-Skills reasoning outputs: import the full generation (thinking included)
            </label>
          </div>
        </div>
        <Button type="submit" disabled={busy} variant="primary" size="lg">
          {busy ? "Importing…" : "Import"}
        </Button>
      </form>

      {phase.kind === "error" && (
        <Alert tone="error" banner>
          {phase.message}
        </Alert>
      )}
      {phase.kind === "uploading" && (
        <ProgressMeter label="Upload progress" done={phase.sent} total={phase.total} unit="bytes" elapsedSeconds={(Date.now() - phase.startedAt) / 1000} />
      )}
      {phase.kind === "importing" && status && (status.state === "queued" || status.state === "running") && (
        <section aria-label="Import progress" className="space-y-2 rounded-lg border border-slate-200 bg-white p-5">
          <p className="text-sm text-slate-700">{status.state === "queued" ? "Waiting for a worker…" : status.label}</p>
          <ProgressMeter
            label="Import progress"
            done={live?.rows ?? 0}
            total={live && live.fraction > 0 ? Math.max(live.rows, Math.round(live.rows / live.fraction)) : null}
            unit="rows"
            elapsedSeconds={elapsed(status.startedAt)}
            detail={live ? `${live.problemsInserted.toLocaleString("en-US")} problems inserted · ${live.duplicates.toLocaleString("en-US")} duplicates · ${live.solutions.toLocaleString("en-US")} solutions` : undefined}
          />
        </section>
      )}
      {failedWithoutSummary && (
        <Alert tone="error" banner>
          Import failed. {failedWithoutSummary}
        </Alert>
      )}
      {summary && status && <ImportSummaryView summary={summary} grading={status.grading ?? null} searchIndex={status.searchIndex ?? null} failedMessage={status.state === "failed" ? status.error : null} />}
    </div>
  );
}
