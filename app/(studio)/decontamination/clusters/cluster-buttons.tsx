"use client";
// Curator buttons of the clusters page: start a clustering (a background Task) and keep one
// problem per cluster. The server actions check the role and write the audit entries.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { keepOnePerClusterAction, startClusteringAction } from "../actions";

export function ClusterButtons({ setId, clustered, running }: { setId: number; clustered: boolean; running: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <Button
        disabled={pending || running}
        onClick={() =>
          start(async () => {
            const result = await startClusteringAction({ problemSet: setId });
            setMessage(result.ok ? { ok: true, text: `Clustering task #${result.data.taskId} queued.` } : { ok: false, text: result.error });
            router.refresh();
          })
        }
        variant="primary"
      >
        {clustered ? "Cluster again" : "Cluster near-duplicates"}
      </Button>
      {clustered && (
        <Button
          disabled={pending || running}
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
        </Button>
      )}
      {message && (
        <Alert tone={message.ok ? "success" : "error"} urgent={false}>
          {message.text}
        </Alert>
      )}
    </div>
  );
}
