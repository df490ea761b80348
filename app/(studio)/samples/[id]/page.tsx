import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { renderLatex, renderMathMarkdown } from "@/components/math/render-math-markdown";
import { RenderedMath } from "@/components/math/rendered-math";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { checkAnswer } from "@/lib/grading/check";
import { extractAnswer } from "@/lib/grading/extract";
import { findSampleDetail } from "@/lib/solutions/find-sample-detail";
import { solutionTextHref } from "@/lib/solutions/solution-href";
import { ProvenanceBadge, StatusBadge } from "../../solutions/status-badge";
import { ReviewPanel } from "./review-panel";
import { SolutionText } from "./solution-text";
import { parseDbId } from "@/lib/http/parse-id";
import { LongTextNotice } from "@/components/ui/long-text-notice";

export const metadata: Metadata = { title: "Solution" };

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

export default async function SamplePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("dashboard.view");
  const id = parseDbId((await params).id);
  if (id === null) notFound();
  const sample = await findSampleDetail(id);
  if (!sample) notFound();
  const extracted = extractAnswer(sample.text);
  const gold = sample.problem.goldAnswer;
  // Re-checked now, to show the normalised forms the verdict compared (bounded: 250 ms budget).
  const recheck = gold && sample.extractedAnswer ? checkAnswer(gold, sample.extractedAnswer) : null;

  return (
    <div className="max-w-5xl space-y-4">
      <header className="space-y-1">
        <p className="text-sm text-slate-500">
          Solution #{sample.id} of{" "}
          <Link href={`/problems/${sample.problemId}`} className="text-sky-700 hover:underline">
            problem #{sample.problemId}
          </Link>{" "}
          ·{" "}
          <Link href={`/sets/${sample.set.id}`} className="hover:underline">
            {sample.set.name}
          </Link>{" "}
          · {sample.problem.source}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <ProvenanceBadge provenance={sample.provenance} />
          <StatusBadge value={sample.verdict} />
          <StatusBadge value={sample.reviewStatus} />
          <StatusBadge value={sample.problem.contaminationStatus} />
        </div>
      </header>

      <section aria-label="Problem" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-sm font-semibold text-slate-700">Problem</h2>
        <RenderedMath html={renderMathMarkdown(sample.problem.text)} />
        <LongTextNotice text={sample.problemTextHead} downloadHref={`/api/problems/${sample.problemId}/text`} what="problem" />
      </section>

      <section aria-label="Verdict" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2">
        <dl className="space-y-2">
          <Field label="Extracted answer">
            {sample.extractedAnswer ? <RenderedMath inline html={renderLatex(sample.extractedAnswer)} /> : <span className="text-slate-500">none</span>}
          </Field>
          <Field label="Gold answer">
            {gold ? <RenderedMath inline html={renderLatex(gold)} /> : <span className="text-slate-500">none</span>}{" "}
            <span className="text-xs text-slate-500">
              ({sample.problem.goldSource === "majority_vote" ? `majority vote ${sample.problem.majorityVotes ?? "?"}/${sample.problem.totalVotes ?? "?"}` : sample.problem.goldSource})
            </span>
          </Field>
          <Field label="Verdict">
            <StatusBadge value={sample.verdict} /> <span className="text-xs text-slate-600">rule: {sample.verdictRule ?? "–"}</span>
          </Field>
          <Field label="Reason">{sample.verdictReason ?? "–"}</Field>
          {recheck && (
            <Field label="Normalised forms (gold / answer)">
              <code className="rounded bg-slate-100 px-1">{recheck.goldNormalized || "∅"}</code> / <code className="rounded bg-slate-100 px-1">{recheck.predictedNormalized || "∅"}</code>
              <span className="block text-xs text-slate-500">
                re-checked now: {recheck.outcome} by rule {recheck.rule}
                {sample.fileVerdict !== null ? ` · the imported file said ${sample.fileVerdict ? "correct" : "incorrect"}` : ""}
              </span>
            </Field>
          )}
          <Field label="Answer class">
            <Link className="text-sky-700 hover:underline" href={`/solutions?problem=${sample.problemId}&answer=${encodeURIComponent(sample.answerKey ?? "")}`}>
              <code>{sample.answerKey ?? "(no answer)"}</code> — all solutions of this problem with it
            </Link>
          </Field>
        </dl>
        <dl className="grid grid-cols-2 gap-2">
          <Field label="Model">{sample.model ?? "–"}</Field>
          <Field label="Batch">
            {sample.batch ? (
              <Link href={`/batches/${sample.batch.id}`} className="text-sky-700 hover:underline">
                {sample.batch.name} (#{sample.batch.id})
              </Link>
            ) : (
              "imported"
            )}
          </Field>
          <Field label="Template">{sample.batch?.template ? `${sample.batch.template.name} v${sample.batch.template.version}` : "–"}</Field>
          <Field label="Sampling">{sample.batch ? `T=${sample.batch.temperature}, top-p=${sample.batch.topP}, max ${sample.batch.maxTokens} tokens` : "–"}</Field>
          <Field label="Finish reason">{sample.finishReason ?? "–"}</Field>
          <Field label="Length">
            {sample.charLength.toLocaleString("en-US")} characters · {sample.tokenCount?.toLocaleString("en-US") ?? "–"} tokens
          </Field>
          <Field label="Tokens (prompt / completion)">
            {sample.promptTokens?.toLocaleString("en-US") ?? "–"} / {sample.completionTokens?.toLocaleString("en-US") ?? "–"}
          </Field>
          <Field label="Boxed answers">{sample.boxedCount}</Field>
          <Field label="Seed / index">
            {sample.seed ?? "–"} / {sample.sampleIndex}
          </Field>
          <Field label="Latency">{sample.latencyMs !== null ? `${sample.latencyMs.toLocaleString("en-US")} ms` : "–"}</Field>
        </dl>
      </section>

      <SolutionText html={renderMathMarkdown(sample.text, { highlight: extracted.ok ? extracted : null })} raw={sample.text} answerFound={extracted.ok}>
        <LongTextNotice text={sample.textHead} downloadHref={solutionTextHref(sample.id)} what="solution" />
      </SolutionText>

      <ReviewPanel
        sampleId={sample.id}
        canAnnotate={can(user.role, "review.annotate")}
        userId={user.id}
        annotations={sample.annotations.map((a) => ({
          id: a.id,
          decision: a.decision,
          note: a.note,
          at: a.createdAt.toISOString(),
          supersededAt: a.supersededAt?.toISOString() ?? null,
          userId: a.userId,
          reviewer: a.user?.name ?? a.user?.email ?? "unknown",
          queue: a.queue ? { id: a.queue.id, name: a.queue.name } : null,
        }))}
      />
    </div>
  );
}
