"use client";
// Edit a template with a live preview: renderPrompt (pure) runs in the browser on every keystroke
// with a real problem and the few-shot set the worker would choose for it, so a typo in a
// placeholder shows up here, not mid-batch. Saving adds a version.
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { PromptTemplate } from "@/lib/generation/prompts/prompt-template";
import { PLACEHOLDERS_BY_KIND } from "@/lib/generation/prompts/prompt-template";
import { renderPrompt } from "@/lib/generation/prompts/render-prompt";
import { chooseFewShot } from "@/lib/generation/templates/choose-few-shot";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Textarea } from "@/components/ui/field";
import { saveTemplateAction } from "../actions";

const escapeStop = (s: string) => s.replace(/\n/g, "\\n");
const unescapeStop = (s: string) => s.replace(/\\n/g, "\n");

export function TemplateEditor({ template, problems, canEdit }: { template: PromptTemplate; problems: { id: number; text: string; source: string }[]; canEdit: boolean }) {
  const router = useRouter();
  const chat = typeof template.body !== "string";
  const [name, setName] = useState(template.name);
  const [completion, setCompletion] = useState(typeof template.body === "string" ? template.body : "");
  const [system, setSystem] = useState(typeof template.body === "string" ? "" : template.body.system);
  const [user, setUser] = useState(typeof template.body === "string" ? "" : template.body.user);
  const [stop, setStop] = useState((template.stop ?? []).map(escapeStop).join(", "));
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const draft = useMemo((): PromptTemplate => {
    const stops = stop.trim() === "" ? [] : stop.split(",").map((s) => unescapeStop(s.trim()));
    return chat
      ? ({ kind: template.kind, name, version: template.version, body: { system, user }, ...(stops.length ? { stop: stops } : {}) } as PromptTemplate)
      : ({ kind: "solution-completion", name, version: template.version, body: completion, stop: stops } as PromptTemplate);
  }, [chat, template.kind, template.version, name, system, user, completion, stop]);

  const preview = useMemo(() => {
    const [first, second] = problems;
    if (!first) return { error: "This set has no problem to preview with." };
    try {
      const rendered =
        draft.kind === "judge"
          ? renderPrompt(draft, { problem_1: first.text, problem_2: second?.text ?? first.text })
          : renderPrompt(draft, { problem: first.text, examples: chooseFewShot(draft.kind, first.source)?.examples ?? [] });
      return { text: rendered.api === "completions" ? rendered.prompt : rendered.messages.map((m) => `[${m.role}]\n${m.content}`).join("\n\n"), stop: rendered.stop };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [draft, problems]);

  async function save() {
    setSaving(true);
    setMessage(null);
    const result = await saveTemplateAction({ name: draft.name, kind: draft.kind, body: draft.body, ...(draft.stop ? { stop: draft.stop } : {}) });
    setSaving(false);
    if (!result.ok) return setMessage(result.error);
    router.push(`/templates/${result.data.id}`);
    router.refresh();
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="editor-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="editor-heading" className="font-semibold text-slate-700">
          Template
        </h2>
        <Field label="Name (a new name starts a new template)">
          <Input value={name} onChange={(e) => setName(e.target.value)} disabled={!canEdit} />
        </Field>
        {chat ? (
          <>
            <Field label="System message (left out when empty)">
              <Textarea value={system} onChange={(e) => setSystem(e.target.value)} rows={3} disabled={!canEdit} className="font-mono text-xs" />
            </Field>
            <Field label="User message">
              <Textarea value={user} onChange={(e) => setUser(e.target.value)} rows={12} disabled={!canEdit} className="font-mono text-xs" />
            </Field>
          </>
        ) : (
          <Field label="Prompt">
            <Textarea value={completion} onChange={(e) => setCompletion(e.target.value)} rows={14} disabled={!canEdit} className="font-mono text-xs" />
          </Field>
        )}
        <Field label="Stop sequences (comma separated, \n for a newline)">
          <Input value={stop} onChange={(e) => setStop(e.target.value)} disabled={!canEdit} className="font-mono text-xs" />
        </Field>
        <p className="text-xs text-slate-600">
          Placeholders for {template.kind}: {PLACEHOLDERS_BY_KIND[template.kind].map((p) => `{{${p}}}`).join(", ")}
        </p>
        {canEdit && (
          <Button onClick={save} disabled={saving || "error" in preview} variant="primary">
            {saving ? "Saving…" : "Save as a new version"}
          </Button>
        )}
        {message && (
          <Alert tone="error">
            {message}
          </Alert>
        )}
      </section>
      <section aria-labelledby="preview-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="preview-heading" className="font-semibold text-slate-700">
          Live preview
        </h2>
        {"error" in preview ? (
          <Alert tone="error">
            {preview.error}
          </Alert>
        ) : (
          <>
            <pre data-testid="rendered-prompt" className="max-h-[36rem] overflow-auto whitespace-pre-wrap rounded-md bg-slate-50 p-2 font-mono text-xs">
              {preview.text}
            </pre>
            <p className="text-xs text-slate-600">Stop: {preview.stop?.length ? preview.stop.map((s) => JSON.stringify(s)).join(", ") : "none"}</p>
          </>
        )}
      </section>
    </div>
  );
}
