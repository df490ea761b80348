"use client";
// Single-key shortcuts (j, k, z, ?) on a whole page. One rule for every page: a key typed into a
// field is text, not a command (Escape there leaves the field); keys with Ctrl, Meta or Alt are
// the browser's and the system's.
import { useEffect, useRef, useState } from "react";

/** Whether a key event's target takes typed text: inputs, text areas, selects, editable content. */
export function isTypingTarget(target: EventTarget | null): target is HTMLElement {
  const element = target as Partial<HTMLElement> | null;
  if (!element || typeof element.tagName !== "string") return false;
  return element.tagName === "INPUT" || element.tagName === "TEXTAREA" || element.tagName === "SELECT" || element.isContentEditable === true;
}

/** Calls `onKey` for each shortcut key pressed on the page (the latest `onKey`, no re-subscribing).
 * Returns true once the listener is attached, for a `data-keys="ready"` tests wait on. */
export function useShortcutKeys(onKey: (event: KeyboardEvent) => void, options: { enabled?: boolean; onLeaveField?: () => void } = {}): boolean {
  const latest = useRef({ onKey, onLeaveField: options.onLeaveField });
  latest.current = { onKey, onLeaveField: options.onLeaveField };
  const enabled = options.enabled ?? true;
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target)) {
        if (event.key === "Escape") {
          event.target.blur();
          latest.current.onLeaveField?.();
        }
        return;
      }
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      latest.current.onKey(event);
    };
    window.addEventListener("keydown", listener);
    setReady(true);
    return () => window.removeEventListener("keydown", listener);
  }, [enabled]);
  return ready;
}
