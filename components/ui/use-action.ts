"use client";
// The one way a client form or button calls a server action and shows its answer: `pending` holds
// while the action runs (disable the button on it), a failure's text is kept in `error` for an
// Alert, and the caller gets the data of a success or null (so an action run here answers with
// data, not null). Anything that answers like a server action (an ActionResult) can be run, e.g.
// next-auth's signIn wrapped in one.
import { useState } from "react";
import type { ActionResult } from "@/lib/auth/authorized-action";

/** What `run` accepts: a server action's result, or any `{ ok, data | error }` of the same kind. */
export type RunResult<T> = { ok: true; data: T } | Pick<Extract<ActionResult<T>, { ok: false }>, "ok" | "error">;

export function useAction(initialError: string | null = null) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(initialError);

  async function run<T>(call: () => Promise<RunResult<T>>): Promise<T | null> {
    setPending(true);
    setError(null);
    const result = await call();
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    return result.data;
  }

  return { pending, error, run };
}
