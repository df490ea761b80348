"use client";
// The empty queue: what to do next, and z still undoes the decision that emptied it.
import Link from "next/link";
import { useState } from "react";
import { useShortcutKeys } from "@/components/ui/shortcut-keys";
import { useUndoDecision } from "./use-undo-decision";

export function EmptyQueue({ userId, canDecide, notice }: { userId: number; canDecide: boolean; notice: string | null }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(notice ? { ok: true, text: notice } : null);
  const { undo } = useUndoDecision(userId, setMessage);
  const keysReady = useShortcutKeys(
    (event) => {
      if (event.key === "z") {
        event.preventDefault();
        undo();
      }
    },
    { enabled: canDecide },
  );
  return (
    <section aria-label="Queue empty" data-keys={keysReady ? "ready" : "loading"} className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-600">
      <p className="font-medium text-slate-800">Nothing to review in this queue.</p>
      <p className="mt-1">
        Run retrieval and the judge on the{" "}
        <Link href="/decontamination" className="text-sky-700 hover:underline">
          Decontamination
        </Link>{" "}
        page, or widen the filter.{canDecide ? " Press z to undo your last decision." : ""}
      </p>
      <p role="status" aria-live="polite" className={`mt-2 min-h-4 ${message?.ok === false ? "text-rose-700" : "text-emerald-800"}`}>
        {message?.text ?? ""}
      </p>
    </section>
  );
}
