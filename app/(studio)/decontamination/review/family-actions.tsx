"use client";
// A group flag with its count first: "Flag N problems?" then the server flags exactly the group
// (problems a person decided are left as they are) and records an audit entry.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { GroupPreview, ProblemGroup } from "@/lib/decontamination/review/flag-problem-group";
import { Button } from "@/components/ui/button";
import { ResultMessage } from "@/components/ui/alert";
import { flagGroupAction, previewGroupFlagAction } from "./actions";

export function FamilyActions({ group, label }: { group: ProblemGroup; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [preview, setPreview] = useState<GroupPreview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="text-xs">
      {!preview ? (
        <Button
          disabled={pending}
          onClick={() =>
            start(async () => {
              const result = await previewGroupFlagAction({ group });
              if (result.ok) setPreview(result.data);
              else setMessage({ ok: false, text: result.error });
            })
          }
          variant="link"
        >
          {label}
        </Button>
      ) : (
        <div role="alertdialog" aria-label="Confirm the group flag" className="rounded border border-amber-300 bg-amber-50 p-2">
          <p>
            {preview.kind === "family" ? "Problems descended from" : "Problems with a close pair with"} {preview.anchorLabel}: <strong>{preview.total.toLocaleString("en-US")}</strong>. Flag{" "}
            <strong>{preview.willFlag.toLocaleString("en-US")}</strong> of them
            {preview.total > preview.willFlag ? ` (${(preview.total - preview.willFlag).toLocaleString("en-US")} already flagged or decided by a person stay as they are)` : ""}?
          </p>
          <div className="mt-1 flex gap-2">
            <Button
              disabled={pending || preview.willFlag === 0}
              onClick={() =>
                start(async () => {
                  const result = await flagGroupAction({ group, confirmedCount: preview.total });
                  setPreview(null);
                  setMessage(result.ok ? { ok: true, text: `${result.data.flagged.toLocaleString("en-US")} problems flagged.` } : { ok: false, text: result.error });
                  router.refresh();
                })
              }
              variant="danger"
              size="sm"
            >
              Flag {preview.willFlag.toLocaleString("en-US")}
            </Button>
            <Button onClick={() => setPreview(null)} size="sm">
              Cancel
            </Button>
          </div>
        </div>
      )}
      <ResultMessage message={message} />
    </div>
  );
}
