"use client";
// One problem of the decontamination queue, with its place in the queue ("3 of 120"): the problem
// beside its closest benchmark problem in full (rendered, with a word diff, scores, shared n-grams
// and numbers, the judge's answers per order), the other pairs folded under one line each, and the
// decision, by button or keyboard: c contaminated, l clean, u unsure, n note, z undo, j/k
// next/previous, ? help. Clearing an exact or near-exact copy (clear-confirmation.ts) asks once
// more: Enter confirms, Esc cancels. Decisions made here are kept in this tab (sessionStorage) so z
// can undo them after moving on.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState, useTransition } from "react";
import type { RenderedHtml } from "@/components/math/render-math-markdown";
import { RenderedMath } from "@/components/math/rendered-math";
import { useShortcutKeys } from "@/components/ui/shortcut-keys";
import { describeNearCopy, pairNeedingClearConfirmation } from "@/lib/decontamination/review/clear-confirmation";
import type { ReviewCandidate, ReviewProblem } from "@/lib/decontamination/review/find-review-problem";
import { Button, buttonClass } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { decideProblemAction } from "./actions";
import { FamilyActions } from "./family-actions";
import { JudgeAnswers } from "./judge-answers";
import { rememberDecision, useUndoDecision } from "./use-undo-decision";
import { WordDiffLegend, WordDiffView } from "./word-diff-view";

type Decision = "contaminated" | "clean" | "unsure";

const STATUS_STYLE: Record<string, string> = {
  flagged: "bg-rose-100 text-rose-900",
  judge_failed: "bg-amber-100 text-amber-900",
  candidate: "bg-sky-100 text-sky-900",
  contaminated: "bg-rose-700 text-white",
  cleared: "bg-emerald-100 text-emerald-900",
  unsure: "bg-violet-100 text-violet-900",
  clean: "bg-slate-100 text-slate-700",
  unchecked: "bg-slate-100 text-slate-700",
};

export function ReviewWorkspace({
  problem,
  problemHtml,
  benchmarkHtml,
  canDecide,
  userId,
  hrefs,
  inQueue,
  queueCount,
  notice,
}: {
  problem: ReviewProblem;
  problemHtml: RenderedHtml;
  benchmarkHtml: Record<number, RenderedHtml>;
  canDecide: boolean;
  userId: number;
  hrefs: { next: string | null; prev: string | null; afterDecision: string; queue: string };
  inQueue: boolean;
  /** The problem's place in the queue, "3 of 120" (bounded counts, see count-queue.ts). */
  queueCount: string;
  /** What the previous action did (a decision or an undo), carried in the address. */
  notice: string | null;
}) {
  const router = useRouter();
  const [note, setNote] = useState("");
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(notice ? { ok: true, text: notice } : null);
  const [help, setHelp] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  const nearCopy = pairNeedingClearConfirmation(problem.candidates);
  // Open while "clear" waits for its confirmation (only for an exact or near-exact copy).
  const [confirmingClear, setConfirmingClear] = useState(false);

  const decide = useCallback(
    (decision: Decision, confirmed = false) => {
      if (!canDecide) {
        setMessage({ ok: false, text: "Your role cannot decide; a reviewer can." });
        return;
      }
      if (decision === "clean" && nearCopy && !confirmed) {
        setConfirmingClear(true);
        return;
      }
      setConfirmingClear(false);
      start(async () => {
        const result = await decideProblemAction({
          problemId: problem.id,
          decision,
          note: note || null,
          shownCandidateIds: problem.candidates.map((c) => c.id),
          confirmedNearCopy: decision === "clean" && confirmed,
        });
        if (!result.ok) {
          setMessage({ ok: false, text: result.error });
          return;
        }
        rememberDecision({ decisionId: result.data.decisionId, problemId: problem.id, decision, userId });
        const target = hrefs.afterDecision;
        router.push(`${target}${target.includes("?") ? "&" : "?"}notice=decided-${problem.id}-${decision}`);
        router.refresh();
      });
    },
    [canDecide, note, problem, router, hrefs.afterDecision, userId, nearCopy],
  );

  const { undo: undoLast } = useUndoDecision(userId, setMessage);
  const undo = useCallback(() => {
    if (canDecide) undoLast();
  }, [canDecide, undoLast]);

  // True once the key listener is attached (after hydration): tests and people can tell the keys work.
  const keysReady = useShortcutKeys((event) => {
    if (pending) return;
    if (confirmingClear) {
      // Only the two answers to the question count; any other key is ignored, not acted on.
      if (event.key === "Enter") {
        event.preventDefault();
        decide("clean", true);
      } else if (event.key === "Escape") {
        event.preventDefault();
        setConfirmingClear(false);
      }
      return;
    }
    const actions: Record<string, () => void> = {
      c: () => decide("contaminated"),
      l: () => decide("clean"),
      u: () => decide("unsure"),
      n: () => noteRef.current?.focus(),
      z: undo,
      j: () => hrefs.next && router.push(hrefs.next),
      k: () => hrefs.prev && router.push(hrefs.prev),
      "?": () => setHelp((h) => !h),
      escape: () => setHelp(false),
    };
    const action = actions[event.key === "Escape" ? "escape" : event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });

  const standing = problem.decisions.find((d) => !d.undoneAt);
  return (
    <div className="space-y-4">
      <section aria-labelledby="problem-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="problem-heading" className="text-base font-semibold">
            Problem #{problem.id} · {problem.setName}/{problem.sourceKey}
          </h2>
          <div className="flex items-center gap-2 text-xs">
            <span className={`rounded px-2 py-0.5 font-medium ${STATUS_STYLE[problem.status] ?? ""}`}>
              <span className="sr-only">Status: </span>
              {problem.status.replace("_", " ")}
            </span>
            <span data-testid="queue-position" className="tabular-nums text-slate-700">
              {queueCount}
            </span>
            {!inQueue && <span className="text-slate-500">(not in this queue)</span>}
            {hrefs.prev ? (
              <Link href={hrefs.prev} className={buttonClass({ size: "sm" })}>
                ← Previous (k)
              </Link>
            ) : null}
            {hrefs.next ? (
              <Link href={hrefs.next} className={buttonClass({ size: "sm" })}>
                Next (j) →
              </Link>
            ) : (
              <span className="text-slate-500">last in the queue</span>
            )}
          </div>
        </div>
        <RenderedMath html={problemHtml} className="mt-2 text-sm" />
        <p className="mt-2 text-xs text-slate-600">
          Source {problem.source}
          {problem.goldAnswer ? ` · answer ${problem.goldAnswer}` : ""}
          {standing ? ` · last decision: ${standing.decision} by ${standing.user ?? "unknown"} (${standing.createdAt.slice(0, 16).replace("T", " ")})` : ""}
        </p>
      </section>

      <section aria-label="Decision" data-keys={keysReady ? "ready" : "loading"} className="sticky top-0 z-10 rounded-lg border border-slate-300 bg-white/95 p-3 shadow-sm backdrop-blur">
        <div className="flex flex-wrap items-start gap-3">
          <div className="flex gap-2">
            <Button disabled={!canDecide || pending} onClick={() => decide("contaminated")} variant="danger">
              Contaminated (c)
            </Button>
            <Button disabled={!canDecide || pending} onClick={() => decide("clean")} variant="success">
              Clean (l)
            </Button>
            <button type="button" disabled={!canDecide || pending} onClick={() => decide("unsure")} className="rounded-md bg-violet-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-violet-800 disabled:opacity-50">
              Unsure (u)
            </button>
            <Button disabled={!canDecide || pending} onClick={undo}>
              Undo (z)
            </Button>
            <Button onClick={() => setHelp((h) => !h)} aria-expanded={help}>
              Keys (?)
            </Button>
          </div>
          <label className="min-w-64 flex-1">
            <span className="sr-only">Note (n)</span>
            <Textarea
              ref={noteRef}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              rows={1}
              maxLength={5000}
              placeholder="Note (n), kept with the decision; Esc to leave"
              disabled={!canDecide}
              className="block w-full"
            />
          </label>
        </div>
        {!canDecide && <p className="mt-2 text-xs text-slate-600">You can look; deciding needs the reviewer role.</p>}
        <p role="status" aria-live="polite" className={`mt-2 min-h-4 text-sm ${message?.ok === false ? "text-rose-700" : "text-emerald-800"}`}>
          {message?.text ?? ""}
        </p>
        {confirmingClear && nearCopy && (
          <div role="alertdialog" aria-label="Confirm clearing" className="mt-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
            <p>
              This problem has <strong>{describeNearCopy(nearCopy)}</strong>. Clear it anyway, keeping it in the data?
            </p>
            <div className="mt-2 flex gap-2">
              <Button disabled={pending} onClick={() => decide("clean", true)} variant="success">
                Clear anyway (Enter)
              </Button>
              <Button onClick={() => setConfirmingClear(false)}>
                Cancel (Esc)
              </Button>
            </div>
          </div>
        )}
        {help && (
          <div role="dialog" aria-label="Keyboard shortcuts" className="mt-2 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
            <ul className="grid grid-cols-2 gap-1 sm:grid-cols-4">
              <li><kbd>c</kbd> contaminated</li>
              <li><kbd>l</kbd> clean (a copy asks: <kbd>Enter</kbd>)</li>
              <li><kbd>u</kbd> unsure</li>
              <li><kbd>n</kbd> write a note</li>
              <li><kbd>z</kbd> undo your last decision</li>
              <li><kbd>j</kbd> next problem</li>
              <li><kbd>k</kbd> previous problem</li>
              <li><kbd>?</kbd> this help · <kbd>Esc</kbd> close</li>
            </ul>
          </div>
        )}
      </section>

      <section aria-labelledby="pairs-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="pairs-heading" className="text-sm font-semibold text-slate-700">
            Nearest benchmark problems ({problem.candidates.length})
          </h2>
          <WordDiffLegend />
        </div>
        {problem.candidates.length === 0 && <p className="text-sm text-slate-600">No retrieval pairs are stored for this problem.</p>}
        {problem.candidates.slice(0, 1).map((c) => (
          <CandidatePair key={c.id} candidate={c} problemHtml={problemHtml} benchmarkHtml={benchmarkHtml[c.id] as RenderedHtml} canDecide={canDecide} />
        ))}
        {problem.candidates.length > 1 && (
          <div className="space-y-1">
            <p className="text-xs text-slate-600">Other pairs, folded (open one to compare):</p>
            {problem.candidates.slice(1).map((c) => (
              <details key={c.id} className="group rounded-lg border border-slate-200 bg-white">
                <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-4 py-2 text-sm">
                  <span className="font-medium">
                    {c.benchmarkSet}/{c.benchmarkKey}
                  </span>
                  <CandidateBadges candidate={c} />
                  <span className="ml-auto text-xs tabular-nums text-slate-700">score {c.score.toFixed(2)}</span>
                </summary>
                <CandidatePair candidate={c} problemHtml={problemHtml} benchmarkHtml={benchmarkHtml[c.id] as RenderedHtml} canDecide={canDecide} folded />
              </details>
            ))}
          </div>
        )}
      </section>

      {canDecide && problem.parentId !== null && (
        <section aria-label="Family" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 className="text-sm font-semibold text-slate-700">Family</h2>
          <p className="text-xs text-slate-600">This problem was generated from seed problem #{problem.parentId}. Problems of the same seed often share a contaminated origin.</p>
          <FamilyActions group={{ kind: "family", problemId: problem.id }} label="Flag the seed's whole family…" />
        </section>
      )}

      {problem.decisions.length > 0 && (
        <section aria-label="Decisions" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 className="text-sm font-semibold text-slate-700">Decisions on this problem</h2>
          <ul className="mt-1 space-y-1 text-xs text-slate-700">
            {problem.decisions.map((d) => (
              <li key={d.id} className={d.undoneAt ? "text-slate-400 line-through" : ""}>
                {d.createdAt.slice(0, 16).replace("T", " ")} · {d.user ?? "unknown"} · {d.decision}
                {d.note ? ` · “${d.note}”` : ""}
                {d.undoneAt ? ` (undone ${d.undoneAt.slice(0, 16).replace("T", " ")})` : ""}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function CandidateBadges({ candidate: c }: { candidate: ReviewCandidate }) {
  return (
    <>
      {c.exact && <span className="rounded bg-rose-700 px-1.5 py-0.5 text-xs text-white">exact match{c.exactKind ? ` (${c.exactKind})` : ""}</span>}
      {!c.close && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">below threshold</span>}
    </>
  );
}

/** One pair: the problem beside the benchmark problem, scores, word diff, shared evidence, judge answers. */
function CandidatePair({
  candidate: c,
  problemHtml,
  benchmarkHtml,
  canDecide,
  folded = false,
}: {
  candidate: ReviewCandidate;
  problemHtml: RenderedHtml;
  benchmarkHtml: RenderedHtml;
  canDecide: boolean;
  /** Inside a <details> whose summary already names the pair. */
  folded?: boolean;
}) {
  return (
    <article aria-label={`Benchmark ${c.benchmarkSet}/${c.benchmarkKey}`} className={folded ? "border-t border-slate-200 p-4" : `rounded-lg border bg-white p-4 ${c.close ? "border-slate-400" : "border-slate-200"}`}>
      <header className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <h3 className="font-medium">
          {folded ? "" : "Closest pair: "}
          {c.benchmarkSet}/{c.benchmarkKey} <CandidateBadges candidate={c} />
        </h3>
        <p className="text-xs tabular-nums text-slate-700">
          score <strong>{c.score.toFixed(2)}</strong>
          {c.embeddingScore !== null && (
            <>
              {" "}
              · embedding <strong>{c.embeddingScore.toFixed(2)}</strong>
            </>
          )}
          {Object.keys(c.views).length > 0 && ` · text ${c.views.text?.toFixed(2)} · skeleton ${c.views.skeleton?.toFixed(2)} · numbers ${c.views.numbers?.toFixed(2)}`}
        </p>
      </header>
      <div className="mt-2 grid gap-4 md:grid-cols-2">
        <div>
          <p className="text-xs font-medium text-slate-500">Checked problem</p>
          <RenderedMath html={problemHtml} className="text-sm" />
        </div>
        <div>
          <p className="text-xs font-medium text-slate-500">Benchmark{c.benchmarkAnswer ? ` (answer ${c.benchmarkAnswer})` : ""}</p>
          <RenderedMath html={benchmarkHtml} className="text-sm" />
        </div>
      </div>
      <div className="mt-3 space-y-2">
        <WordDiffView parts={c.diff} label={`Word diff with ${c.benchmarkKey}`} />
        {(c.sharedNgrams.length > 0 || c.sharedNumbers.length > 0) && (
          <p className="text-xs text-slate-700">
            {c.sharedNgrams.length > 0 && (
              <>
                Shared phrases:{" "}
                {c.sharedNgrams.map((g) => (
                  <span key={g} className="mr-1 rounded bg-slate-100 px-1">
                    {g}
                  </span>
                ))}
              </>
            )}
            {c.sharedNumbers.length > 0 && <> · shared numbers: {c.sharedNumbers.join(", ")}</>}
          </p>
        )}
        <JudgeAnswers candidate={c} />
        {canDecide && <FamilyActions group={{ kind: "benchmark", benchmarkId: c.benchmarkId }} label={`Flag every problem near ${c.benchmarkKey}…`} />}
      </div>
    </article>
  );
}
