"use client";
// The focused review mode: one solution at a time, keyboard first. The next items are claimed and
// rendered before they are needed, so moving on is instant; decisions are saved in the background
// and can be undone (the annotation is superseded, never deleted).
//   j / k  next / previous     a accept   r reject   u unsure
//   n      write a note for the current item (Esc closes)   z undo the last decision   ? keys
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { RenderedMath } from "@/components/math/rendered-math";
import { useShortcutKeys } from "@/components/ui/shortcut-keys";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Field, Textarea } from "@/components/ui/field";
import { solutionHref } from "@/lib/solutions/solution-href";
import { StatusBadge } from "../../solutions/status-badge";
import { annotate, claimItems, releaseItems, undoSolutionReview } from "../actions";
import type { ReviewCard } from "../review-card";

type Decision = "accepted" | "rejected" | "unsure";
const KEY_DECISIONS: Record<string, Decision> = { a: "accepted", r: "rejected", u: "unsure" };
// Items claimed and rendered beyond the current one. Server actions run one at a time, so a claim
// can wait behind the decisions being saved; a few in hand keep a fast reviewer from ever waiting.
const AHEAD = 4;

interface Made {
  decision: Decision;
  /** Resolves to the annotation id once saved (null if saving failed). */
  saved: Promise<number | null>;
}

export function ReviewSession({ queueId, queueName, itemCount }: { queueId: number; queueName: string; /** The queue's own counter (review_queues.item_count). */ itemCount: number }) {
  const [cards, setCards] = useState<ReviewCard[]>([]);
  const [index, setIndex] = useState(0);
  const [made, setMade] = useState<Record<number, Made>>({});
  const [history, setHistory] = useState<number[]>([]);
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [noteOpen, setNoteOpen] = useState(false);
  const [help, setHelp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [exhausted, setExhausted] = useState(false);
  const claiming = useRef(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  const topUp = useCallback(
    async (current: ReviewCard[], at: number, decided: Record<number, Made>) => {
      const openAhead = current.slice(at).filter((c) => !decided[c.itemId]).length;
      if (claiming.current || exhausted || openAhead > AHEAD) return;
      claiming.current = true;
      try {
        // Decided items are done-locked and never handed out again; only open ones need excluding.
        const holding = current.filter((c) => !decided[c.itemId]).map((c) => c.itemId);
        const result = await claimItems({ queueId, want: AHEAD + 1 - openAhead, holding });
        if (!result.ok) setError(result.error);
        else if (result.data.length === 0) setExhausted(true);
        else setCards((old) => [...old, ...result.data.filter((c) => !old.some((o) => o.itemId === c.itemId))]);
      } finally {
        claiming.current = false;
      }
    },
    [queueId, exhausted],
  );

  useEffect(() => {
    void topUp(cards, index, made);
  }, [cards, index, made, topUp]);

  const card = cards[index] as ReviewCard | undefined;

  const decide = useCallback(
    (decision: Decision) => {
      if (!card) return;
      const previous = made[card.itemId];
      const note = notes[card.itemId] ?? "";
      const saved = (async () => {
        // Changing one's mind: the earlier decision is superseded first, so each item has one.
        if (previous) {
          const id = await previous.saved;
          if (id !== null) {
            const undone = await undoSolutionReview({ annotationId: id });
            if (!undone.ok) {
              setError(undone.error);
              return null;
            }
          }
        }
        const result = await annotate({ sampleId: card.sampleId, decision, note: note || null, itemId: card.itemId });
        if (!result.ok) {
          setError(`Item #${card.position}: ${result.error}`);
          return null;
        }
        return result.data.annotationId;
      })();
      setMade((old) => ({ ...old, [card.itemId]: { decision, saved } }));
      setHistory((old) => [...old, card.itemId]);
      setNoteOpen(false);
      setError(null);
      setIndex((i) => Math.min(i + 1, cards.length));
    },
    [card, made, notes, cards.length],
  );

  const undoLast = useCallback(async () => {
    const itemId = history[history.length - 1];
    if (itemId === undefined) return;
    const entry = made[itemId];
    setHistory((old) => old.slice(0, -1));
    setMade((old) => {
      const next = { ...old };
      delete next[itemId];
      return next;
    });
    const at = cards.findIndex((c) => c.itemId === itemId);
    if (at >= 0) setIndex(at);
    const id = await entry?.saved;
    if (id !== null && id !== undefined) {
      const result = await undoSolutionReview({ annotationId: id });
      if (!result.ok) setError(result.error);
    }
  }, [history, made, cards]);

  useShortcutKeys(
    (event) => {
      const key = event.key;
      if (key === "?") setHelp((h) => !h);
      else if (key === "Escape") setHelp(false);
      else if (key === "j") setIndex((i) => Math.min(i + 1, cards.length));
      else if (key === "k") setIndex((i) => Math.max(i - 1, 0));
      else if (key === "z") void undoLast();
      else if (key === "n") {
        event.preventDefault();
        setNoteOpen(true);
        setTimeout(() => noteRef.current?.focus(), 0);
      } else if (KEY_DECISIONS[key]) decide(KEY_DECISIONS[key]);
      else return;
      event.preventDefault();
    },
    { onLeaveField: () => setNoteOpen(false) },
  );

  const decidedCount = Object.keys(made).length;
  const leave = async () => {
    const open = cards.filter((c) => !made[c.itemId]).map((c) => c.itemId);
    if (open.length) await releaseItems({ queueId, itemIds: open });
    window.location.href = "/review";
  };

  return (
    <div className="space-y-3">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold tracking-tight">Review: {queueName}</h1>
        <span className="text-sm text-slate-600" aria-live="polite">
          {decidedCount} decided in this session
          {card ? ` · item ${card.position.toLocaleString("en-US")} of ${itemCount.toLocaleString("en-US")}` : ""}
          {card?.stratum ? ` · ${card.stratum}` : ""}
        </span>
        <Button onClick={() => setHelp(true)} variant="link" className="ml-auto">
          Keys (?)
        </Button>
        <Link href={`/review/${queueId}/report`} className="text-sm text-sky-700 underline">
          Progress and error estimate
        </Link>
        <Button onClick={leave} variant="link">
          Leave queue
        </Button>
      </header>
      {error && (
        <Alert tone="error" banner>
          {error}
        </Alert>
      )}
      {help && (
        <div role="dialog" aria-label="Keyboard shortcuts" className="rounded-lg border border-slate-300 bg-white p-4 text-sm shadow">
          <h2 className="mb-2 font-semibold">Keyboard shortcuts</h2>
          <dl className="grid grid-cols-[4rem_1fr] gap-1">
            {[
              ["j", "next item"],
              ["k", "previous item"],
              ["a", "accept: the solution is right"],
              ["r", "reject: the solution is wrong"],
              ["u", "unsure"],
              ["n", "write a note (saved with the decision; Esc closes)"],
              ["z", "undo the last decision"],
              ["?", "show or hide these keys"],
            ].map(([k, what]) => (
              <div key={k} className="contents">
                <dt>
                  <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5">{k}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {!card && !exhausted && <p className="text-sm text-slate-600">Claiming items…</p>}
      {!card && exhausted && (
        <div className="rounded-lg border border-slate-200 bg-white p-6 text-center">
          <p className="font-medium">No more items for you in this queue.</p>
          <p className="text-sm text-slate-600">Items being reviewed by others are skipped; press k to go back, z to undo.</p>
        </div>
      )}
      {card && (
        <article aria-label={`Solution ${card.sampleId}`} className="space-y-3">
          <section className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
              Problem{" "}
              <Link href={`/problems/${card.problemId}`} className="normal-case text-sky-700">
                #{card.problemId}
              </Link>
            </h2>
            <RenderedMath html={card.problemHtml} />
          </section>
          <section className="flex flex-wrap items-center gap-4 rounded-lg border border-slate-200 bg-white p-3 text-sm">
            <span>
              Gold: {card.goldHtml ? <RenderedMath inline html={card.goldHtml} /> : "–"}
            </span>
            <span>
              Answer: {card.answerHtml ? <RenderedMath inline html={card.answerHtml} /> : "–"}
            </span>
            <span>
              Verdict: <StatusBadge value={card.verdict} /> <span className="text-xs text-slate-500">{card.verdictRule}</span>
            </span>
            {made[card.itemId] && (
              <span>
                Your decision: <StatusBadge value={made[card.itemId].decision} />
              </span>
            )}
            <span className="text-xs text-slate-500">{card.verdictReason}</span>
          </section>
          {noteOpen && (
            <Field label="Note for this item">
              <Textarea
                ref={noteRef}
                value={notes[card.itemId] ?? ""}
                onChange={(e) => setNotes((old) => ({ ...old, [card.itemId]: e.target.value }))}
                rows={2}
              />
            </Field>
          )}
          <section className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
              Solution{" "}
              <Link href={solutionHref(card.sampleId)} className="normal-case text-sky-700">
                #{card.sampleId}
              </Link>
              {card.model ? ` · ${card.model}` : ""}
              {card.finishReason ? ` · finish: ${card.finishReason}` : ""}
            </h2>
            <RenderedMath html={card.solutionHtml} className="max-w-prose leading-relaxed" />
          </section>
          <div className="flex gap-2">
            <Button onClick={() => decide("accepted")} variant="success">
              Accept (a)
            </Button>
            <Button onClick={() => decide("rejected")} variant="danger">
              Reject (r)
            </Button>
            <Button onClick={() => decide("unsure")} variant="warning">
              Unsure (u)
            </Button>
            <Button onClick={() => void undoLast()} disabled={history.length === 0} className="ml-auto">
              Undo last (z)
            </Button>
          </div>
        </article>
      )}
    </div>
  );
}
