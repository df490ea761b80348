"use client";
// Curator buttons of the clusters page: start a clustering (a background Task) and keep one
// problem per cluster. The server actions check the role and write the audit entries.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { keepOnePerClusterAction, startClusteringAction } from "../actions";

export function ClusterButtons({ setId, clustered, running }: { setId: number; clustered: boolean; running: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <button
        type="button"
        disabled={pending || running}
        className="rounded-md bg-slate-900 px-3 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-50"
        onClick={() =>
          start(async () => {
            const result = await startClusteringAction({ problemSet: setId });
            setMessage(result.ok ? { ok: true, text: `Clustering task #${result.data.taskId} queued.` } : { ok: false, text: result.error });
            router.refresh();
          })
        }
      >
        {clustered ? "Cluster again" : "Cluster near-duplicates"}
      </button>
      {clustered && (
        <button
          type="button"
          disabled={pending || running}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50"
          onClick={() =>
            start(async () => {
              const result = await keepOnePerClusterAction({ problemSet: setId });
              setMessage(
                result.ok
                  ? { ok: true, text: `Kept one per cluster: ${result.data.dropped.toLocaleString("en-US")} near-duplicates marked, ${result.data.kept.toLocaleString("en-US")} kept.` }
                  : { ok: false, text: result.error },
              );
              router.refresh();
            })
          }
        >
          Keep one per cluster
        </button>
      )}
      {message && (
        <p role="status" className={message.ok ? "text-emerald-700" : "text-red-700"}>
          {message.text}
        </p>
      )}
    </div>
  );
}
