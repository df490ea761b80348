"use client";
// A same-page signal that solutions changed under the current view (a bulk action finished), so
// parts that fetch on their own (the filter panel's facet counts) fetch again. Paging and other
// navigations do not send it: facet counts depend on the filter only, not on the page shown.
import { useEffect, useState } from "react";

const EVENT = "boxed:solutions-changed";

export function announceSolutionsChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** A number that grows each time solutions changed; use it as an effect dependency. */
export function useSolutionsChangedVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    window.addEventListener(EVENT, bump);
    return () => window.removeEventListener(EVENT, bump);
  }, []);
  return version;
}
