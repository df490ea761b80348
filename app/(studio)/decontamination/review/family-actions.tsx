"use client";
// A group flag with its count first: "Flag N problems?" then the server flags exactly the group
// (problems a person decided are left as they are) and records an audit entry.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { GroupPreview, ProblemGroup } from "@/lib/decontamination/review/flag-problem-group";
import { flagGroupAction, previewGroupFlagAction } from "./actions";

export function FamilyActions({ group, label }: { group: ProblemGroup; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [preview, setPreview] = useState<GroupPreview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="text-xs">
      {!preview ? (
        <button
          type="button"
          disabled={pending}
          className="text-sky-700 hover:underline disabled:opacity-50"
          onClick={() =>
            start(async () => {
              const result = await previewGroupFlagAction({ group });
              if (result.ok) setPreview(result.data);
              else setMessage({ ok: false, text: result.error });
            })
          }
        >
          {label}
        </button>
      ) : (
        <div role="alertdialog" aria-label="Confirm the group flag" className="rounded border border-amber-300 bg-amber-50 p-2">
          <p>
            {preview.kind === "family" ? "Problems descended from" : "Problems with a close pair with"} {preview.anchorLabel}: <strong>{preview.total.toLocaleString("en-US")}</strong>. Flag{" "}
            <strong>{preview.willFlag.toLocaleString("en-US")}</strong> of them
            {preview.total > preview.willFlag ? ` (${(preview.total - preview.willFlag).toLocaleString("en-US")} already flagged or decided by a person stay as they are)` : ""}?
          </p>
          <div className="mt-1 flex gap-2">
            <button
              type="button"
              disabled={pending || preview.willFlag === 0}
              className="rounded bg-rose-700 px-2 py-1 font-medium text-white disabled:opacity-50"
              onClick={() =>
                start(async () => {
                  const result = await flagGroupAction({ group, confirmedCount: preview.total });
                  setPreview(null);
                  setMessage(result.ok ? { ok: true, text: `${result.data.flagged.toLocaleString("en-US")} problems flagged.` } : { ok: false, text: result.error });
                  router.refresh();
                })
              }
            >
              Flag {preview.willFlag.toLocaleString("en-US")}
            </button>
            <button type="button" className="rounded border border-slate-300 px-2 py-1" onClick={() => setPreview(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-emerald-700" : "text-rose-700"}>
          {message.text}
        </p>
      )}
    </div>
  );
}
