"use client";

// Choose what goes out and which filters apply (published defaults pre-filled), then either
// download at once (a link to the streaming route: the browser starts saving immediately) or run
// a background job and poll it until its file is ready.
import { useState } from "react";
import { useTaskProgress } from "@/components/tasks/use-task-progress";
import { TaskProgressMeter } from "@/components/ui/progress-meter";
import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS, type ExportFormat, type ExportSettingsInput } from "@/lib/datasets/export/export-settings";
import { exportSettingsToQuery } from "@/lib/datasets/export/export-settings-query";
import { FILTER_ORDER } from "@/lib/datasets/export/export-stats";
import { Button, buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { CheckField, Field, FieldGroup, Input, Select } from "@/components/ui/field";
import { solutionHref } from "@/lib/solutions/solution-href";
import { startExportJob } from "./actions";

interface SetOption {
  name: string;
  role: string;
  solutions: number;
}

const list = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

function Check({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <CheckField id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="text-slate-700">
      {label}
    </CheckField>
  );
}

function Bound({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (v: string) => void }) {
  return (
    <Field label={label} htmlFor={id}>
      <Input id={id} inputMode="numeric" value={value} onChange={(e) => onChange(e.target.value)} placeholder="off" className="w-28" />
    </Field>
  );
}

const bound = (v: string) => (v.trim() === "" ? null : Number(v));

export function ExportForm({ sets }: { sets: SetOption[] }) {
  const [format, setFormat] = useState<ExportFormat>("omi2-jsonl");
  const [chosen, setChosen] = useState<string[]>(sets.filter((s) => s.role !== "benchmark").map((s) => s.name));
  const [sources, setSources] = useState("");
  const [batches, setBatches] = useState("");
  const [includeReferences, setIncludeReferences] = useState(false);
  const [requireBoxed, setRequireBoxed] = useState(true);
  const [correctOnly, setCorrectOnly] = useState(true);
  const [excludeContaminated, setExcludeContaminated] = useState(true);
  const [dropMultiBoxed, setDropMultiBoxed] = useState(true);
  const [trimAfterBoxed, setTrimAfterBoxed] = useState(true);
  const [arithmeticCheck, setArithmeticCheck] = useState(true);
  const [dedup, setDedup] = useState(true);
  const [dropWithoutGold, setDropWithoutGold] = useState(true);
  const [dropNearDuplicates, setDropNearDuplicates] = useState(false);
  const [pythonJson, setPythonJson] = useState(false);
  const [maxProblemTokens, setMaxProblemTokens] = useState("1024");
  const [minSolutionChars, setMinSolutionChars] = useState("200");
  const [maxSolutionTokens, setMaxSolutionTokens] = useState("1024");
  const [maxRows, setMaxRows] = useState("");
  const [jobId, setJobId] = useState<number | null>(null);
  const { status: job } = useTaskProgress<"export">(jobId);
  const [error, setError] = useState<string | null>(null);

  const settings: ExportSettingsInput = {
    format,
    sets: chosen,
    sources: list(sources),
    batches: list(batches).map(Number),
    includeReferences,
    requireBoxed,
    correctOnly,
    excludeContaminated,
    dropMultiBoxed,
    trimAfterBoxed,
    arithmeticCheck,
    dedup,
    dropWithoutGold,
    dropNearDuplicates,
    pythonJson,
    maxProblemTokens: bound(maxProblemTokens),
    minSolutionChars: bound(minSolutionChars),
    maxSolutionTokens: bound(maxSolutionTokens),
    maxRows: bound(maxRows),
  };
  const downloadHref = `/api/exports/download?${exportSettingsToQuery(settings)}`;
  const estimate = sets.filter((s) => chosen.includes(s.name)).reduce((a, s) => a + s.solutions, 0);

  async function runJob() {
    setError(null);
    const result = await startExportJob(settings);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setJobId(result.data.taskId);
  }

  const manifest = job?.state === "completed" ? job.result : null;
  return (
    <div className="space-y-5">
      <form onSubmit={(e) => e.preventDefault()} className="space-y-5 rounded-lg border border-slate-200 bg-white p-5">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Format" htmlFor="format">
            <Select id="format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} options={EXPORT_FORMATS.map((f) => ({ value: f, label: EXPORT_FORMAT_LABELS[f] }))} />
          </Field>
          <FieldGroup legend="Problem sets" className="max-h-40 space-y-1 overflow-y-auto">
            {sets.map((s) => (
              <Check
                key={s.name}
                id={`set-${s.name}`}
                label={`${s.name} (${s.role}, ${s.solutions.toLocaleString("en-US")} solutions)`}
                checked={chosen.includes(s.name)}
                onChange={(on) => setChosen(on ? [...chosen, s.name] : chosen.filter((c) => c !== s.name))}
              />
            ))}
          </FieldGroup>
          <Field label="Sources" htmlFor="sources">
            <Input id="sources" value={sources} onChange={(e) => setSources(e.target.value)} placeholder="all (or e.g. gsm8k,augmented_math)" />
          </Field>
          <Field label="Batches" htmlFor="batches">
            <Input id="batches" value={batches} onChange={(e) => setBatches(e.target.value)} placeholder="all (or batch ids: 3,7)" />
          </Field>
        </div>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-700">Solutions</legend>
          <p className="text-xs text-slate-500">
            Generated solutions (batch outputs, imported OMI2 and NeMo-Skills rows) go out. Reference solutions came with a problem file (GSM8K answers, MATH
            solutions); the manifest counts the ones left out.
          </p>
          <Check id="includeReferences" label="Also export reference solutions" checked={includeReferences} onChange={setIncludeReferences} />
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">Filters (published OpenMathInstruct-2 values)</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            <Check id="correctOnly" label="Correct solutions only" checked={correctOnly} onChange={setCorrectOnly} />
            <Check id="excludeContaminated" label="Exclude contaminated problems" checked={excludeContaminated} onChange={setExcludeContaminated} />
            <Check id="requireBoxed" label="Drop solutions without a \boxed{} answer" checked={requireBoxed} onChange={setRequireBoxed} />
            <Check id="dropMultiBoxed" label="Drop solutions with several \boxed{}" checked={dropMultiBoxed} onChange={setDropMultiBoxed} />
            <Check id="trimAfterBoxed" label="Trim after the boxed answer's line" checked={trimAfterBoxed} onChange={setTrimAfterBoxed} />
            <Check id="arithmeticCheck" label="Drop wrong a op b = c arithmetic" checked={arithmeticCheck} onChange={setArithmeticCheck} />
            <Check id="dedup" label="Drop exact duplicates" checked={dedup} onChange={setDedup} />
            <Check id="dropWithoutGold" label="Drop rows without a gold answer (else written null)" checked={dropWithoutGold} onChange={setDropWithoutGold} />
            <Check
              id="dropNearDuplicates"
              label="Drop near-duplicates marked by keep one per cluster"
              checked={dropNearDuplicates}
              onChange={setDropNearDuplicates}
            />
          </div>
          <div className="flex flex-wrap gap-4 pt-1">
            <Bound id="maxProblemTokens" label="Max problem tokens" value={maxProblemTokens} onChange={setMaxProblemTokens} />
            <Bound id="minSolutionChars" label="Min solution characters" value={minSolutionChars} onChange={setMinSolutionChars} />
            <Bound id="maxSolutionTokens" label="Max solution tokens" value={maxSolutionTokens} onChange={setMaxSolutionTokens} />
            <Bound id="maxRows" label="Fair downsample to N rows" value={maxRows} onChange={setMaxRows} />
          </div>
          <p className="text-xs text-slate-500">Tokens are approximate Llama-3.1 tokens (cl100k_base). Empty means off.</p>
        </fieldset>
        {format !== "omi2-parquet" && (
          <Check id="pythonJson" label="Write JSON as Python's json.dumps does (byte-compare with NeMo-Skills' files)" checked={pythonJson} onChange={setPythonJson} />
        )}
        <div className="flex flex-wrap items-center gap-3">
          <a href={downloadHref} download className={buttonClass({ variant: "primary", size: "lg" })}>
            Download now
          </a>
          <Button onClick={runJob} size="lg">
            Run as a background job
          </Button>
          <span className="text-xs text-slate-500">Reads up to {estimate.toLocaleString("en-US")} solutions.</span>
        </div>
      </form>
      {error && (
        <Alert tone="error" banner>
          {error}
        </Alert>
      )}
      {job && (job.state === "queued" || job.state === "running") && (
        <TaskProgressMeter label="Export progress" task={job} unit="rows" />
      )}
      {job?.state === "failed" && (
        <Alert tone="error" banner>
          The export failed: {job.error}
        </Alert>
      )}
      {manifest && job && (
        <section aria-label="Export result" className="space-y-2 rounded-lg border border-slate-200 bg-white p-5 text-sm">
          <p>
            {manifest.rows.toLocaleString("en-US")} rows written ({manifest.perProvenance.generated.toLocaleString("en-US")} generated,{" "}
            {manifest.perProvenance.reference.toLocaleString("en-US")} reference) from {manifest.scanned.toLocaleString("en-US")} read.{" "}
            <a className="font-medium underline" href={`/api/exports/${job.id}/file`}>
              Download {manifest.file}
            </a>{" "}
            ·{" "}
            <a className="underline" href={`/api/exports/${job.id}/manifest`}>
              manifest
            </a>
          </p>
          <ul className="list-disc pl-5 text-xs text-slate-600">
            {!manifest.references.included && (
              <li data-testid="references-left-out">
                {manifest.references.leftOut.toLocaleString("en-US")} reference solutions left out (not asked for)
              </li>
            )}
            {/* The Task result is jsonb, which does not keep key order: show the filters in their order. */}
            {FILTER_ORDER.flatMap((name) => (manifest.removed[name] ? [[name, manifest.removed[name]] as const] : [])).map(([name, r]) => (
              <li key={name}>
                {r.count.toLocaleString("en-US")} removed by {name}: {r.why}
                {r.examples.length > 0 && (
                  <>
                    {" "}
                    (e.g.{" "}
                    {r.examples.slice(0, 3).map((e, i) => (
                      <span key={e.sampleId}>
                        {i > 0 && ", "}
                        <a className="underline" href={solutionHref(e.sampleId)} title={e.reason}>
                          #{e.sampleId}
                        </a>
                      </span>
                    ))}
                    )
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
