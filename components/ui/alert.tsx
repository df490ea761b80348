// What a form or action says back: an error is an alert (read out at once), everything else a
// status. `banner` sets it on a tinted box; inline it is coloured text.
import type { ReactNode } from "react";
import { classes } from "./classes";

const TONES = {
  error: { text: "text-rose-700", banner: "bg-rose-50 text-rose-800" },
  success: { text: "text-emerald-800", banner: "bg-emerald-50 text-emerald-900" },
  warning: { text: "text-amber-800", banner: "bg-amber-50 text-amber-900" },
  info: { text: "text-slate-600", banner: "bg-slate-50 text-slate-700" },
} as const;

export type AlertTone = keyof typeof TONES;

export function Alert({
  tone,
  banner = false,
  urgent = tone === "error",
  block = false,
  className,
  id,
  children,
}: {
  tone: AlertTone;
  banner?: boolean;
  /** Read out at once (role alert) rather than when the reader is idle (role status); errors are. */
  urgent?: boolean;
  /** A <div> for content of several paragraphs; a <p> otherwise. */
  block?: boolean;
  className?: string;
  id?: string;
  children: ReactNode;
}) {
  const Tag = block ? "div" : "p";
  return (
    <Tag id={id} role={urgent ? "alert" : "status"} className={classes("text-sm", banner ? classes("rounded-md px-3 py-2", TONES[tone].banner) : TONES[tone].text, className)}>
      {children}
    </Tag>
  );
}

/** The `{ ok, text }` a form keeps after its action answers; nothing until then. */
export function ResultMessage({ message, banner, className }: { message: { ok: boolean; text: ReactNode } | null; banner?: boolean; className?: string }) {
  if (!message) return null;
  return (
    <Alert tone={message.ok ? "success" : "error"} banner={banner} className={className}>
      {message.text}
    </Alert>
  );
}
