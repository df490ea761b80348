"use client";
// The current view, read from the address bar (which the column menu may have changed without a
// navigation), and a way to move to another view. Filter and sort changes start from the first
// page; the columns ride along.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useTransition } from "react";
import { parseSolutionView, type SolutionFilter, type SolutionView, solutionViewParams } from "@/lib/solutions/solution-view";

export function useSolutionView() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const view = useMemo(() => parseSolutionView(new URLSearchParams(searchParams.toString())).view, [searchParams]);

  const hrefFor = useCallback(
    (patch: { filter?: Partial<SolutionFilter>; sort?: SolutionView["sort"]; after?: string | null; before?: string | null }) => {
      const next = {
        filter: { ...view.filter, ...patch.filter },
        sort: patch.sort ?? view.sort,
        columns: view.columns,
        after: patch.after ?? null,
        before: patch.before ?? null,
      };
      const query = solutionViewParams(next).toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    [view, pathname],
  );

  /** `whilePending` runs inside the transition: the place for an optimistic update. */
  const navigate = useCallback(
    (patch: Parameters<typeof hrefFor>[0], whilePending?: () => void) => {
      startTransition(() => {
        whilePending?.();
        router.push(hrefFor(patch), { scroll: false });
      });
    },
    [hrefFor, router],
  );

  return { view, hrefFor, navigate, pending };
}
