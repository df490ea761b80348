"use client";
// Launches the LLM judge (curators) in two steps: count the pairs it would ask about (both
// orders each), then launch. The batch runs on the generation workers; statuses follow as the
// answers land.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { DecontamChoices } from "@/lib/decontamination/pipeline/find-decontam-runs";
import { launchJudgeAction, previewJudgeAction } from "./actions";
import { StepForm } from "./step-form";

export function JudgeForm({ choices }: { choices: DecontamChoices }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [input, setInput] = useState({ problemSet: choices.checkableSets[0]?.id ?? 0, endpoint: choices.generationEndpoints[0]?.id ?? 0, threshold: 0.5 });
  const [preview, setPreview] = useState<{ pairs: number; problems: number } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string; batchId?: number } | null>(null);
  const change = (patch: Partial<typeof input>) => {
    setInput((prev) => ({ ...prev, ...patch }));
    setPreview(null);
  };
  const runnable = choices.checkableSets.length > 0 && choices.generationEndpoints.length > 0;
  return (
    <StepForm
      id="judge-form-title"
      title="Run the LLM judge"
      missing={!runnable && "The judge needs a checked set and a generation endpoint (chat API); an admin adds endpoints in Settings."}
      onSubmit={() =>
        start(async () => {
          if (!preview) {
            const counted = await previewJudgeAction(input);
            if (counted.ok) setPreview(counted.data);
            else setMessage({ ok: false, text: counted.error });
            return;
          }
          const result = await launchJudgeAction(input);
          setMessage(result.ok ? { ok: true, text: `Judge batch #${result.data.batchId} launched: ${result.data.pairs} pairs, both orders.`, batchId: result.data.batchId } : { ok: false, text: result.error });
          setPreview(null);
          router.refresh();
        })
      }
    >
      <p className="text-xs text-slate-600">
        Asks about every close, not-exact pair not yet answered, in both orders, with the editable <code>contamination-judge</code> template (the recipe&apos;s question,
        temperature 0). Any True flags the problem; a malformed reply, an error or a timeout sends it to people as &quot;judge failed&quot;.
      </p>
      <div className="flex flex-wrap gap-3">
        <Field label="Checked set">
          <Select
            value={input.problemSet}
            onChange={(e) => change({ problemSet: Number(e.target.value) })}
            className="w-auto max-w-full"
            options={choices.checkableSets.map((s) => ({ value: s.id, label: `${s.name} · ${s.role}` }))}
          />
        </Field>
        <Field label="Endpoint">
          <Select
            value={input.endpoint}
            onChange={(e) => change({ endpoint: Number(e.target.value) })}
            className="w-auto max-w-full"
            options={choices.generationEndpoints.map((e) => ({ value: e.id, label: `${e.name} (${e.apiStyle})` }))}
          />
        </Field>
        <Field label="Score threshold">
          <Input type="number" min={0} max={1} step={0.05} value={input.threshold} onChange={(e) => change({ threshold: Number(e.target.value) })} className="w-24" />
        </Field>
      </div>
      {preview && (
        <Alert tone="warning" banner>
          {preview.pairs.toLocaleString("en-US")} pairs of {preview.problems.toLocaleString("en-US")} problems: {(preview.pairs * 2).toLocaleString("en-US")} requests. Launch?
        </Alert>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Working…" : preview ? "Launch judge batch" : "Count pairs"}
        </Button>
        {preview && <Button onClick={() => setPreview(null)}>Back</Button>}
      </div>
      {message && (
        <Alert tone={message.ok ? "success" : "error"}>
          {message.text}{" "}
          {message.batchId && (
            <Link className="text-sky-700 hover:underline" href={`/batches/${message.batchId}`}>
              Open the batch
            </Link>
          )}
        </Alert>
      )}
    </StepForm>
  );
}
