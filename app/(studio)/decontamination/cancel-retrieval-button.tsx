"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { cancelRetrievalAction } from "./actions";

export function CancelRetrievalButton({ taskId }: { taskId: number }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      {" · "}
      <button
        type="button"
        disabled={pending}
        className="text-rose-700 hover:underline disabled:opacity-50"
        onClick={() =>
          start(async () => {
            const result = await cancelRetrievalAction({ taskId });
            if (!result.ok) setError(result.error);
            router.refresh();
          })
        }
      >
        Cancel
      </button>
      {error && <span role="alert" className="ml-2 text-rose-700">{error}</span>}
    </>
  );
}
