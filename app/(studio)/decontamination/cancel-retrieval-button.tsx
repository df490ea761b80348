"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { cancelRetrievalAction } from "./actions";

export function CancelRetrievalButton({ taskId }: { taskId: number }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      {" · "}
      <Button
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await cancelRetrievalAction({ taskId });
            if (!result.ok) setError(result.error);
            router.refresh();
          })
        }
        variant="danger-link"
      >
        Cancel
      </Button>
      {error && <span role="alert" className="ml-2 text-rose-700">{error}</span>}
    </>
  );
}
