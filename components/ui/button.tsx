// The studio's buttons: one look per intent, so a primary action, a quiet one and a destructive
// one read the same on every page. `buttonClass` styles a link that acts as a button.
import type { ComponentProps } from "react";
import { classes } from "./classes";

const VARIANTS = {
  /** The form's main action. */
  primary: "bg-slate-900 font-medium text-white hover:bg-slate-700",
  /** Everything else: back, cancel, secondary steps. */
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  /** Destroys or flags something. */
  danger: "bg-rose-700 font-medium text-white hover:bg-rose-800",
  /** A destructive action offered beside others, before its confirmation. */
  "danger-outline": "border border-rose-300 bg-white text-rose-800 hover:bg-rose-50",
  /** Accepts, clears or keeps something. */
  success: "bg-emerald-700 font-medium text-white hover:bg-emerald-800",
  /** Marks something as uncertain. */
  warning: "bg-amber-600 font-medium text-white hover:bg-amber-700",
  /** Looks like a link; for actions inside text or table cells. */
  link: "text-sky-700 hover:underline",
  /** A link-looking action that cancels or removes. */
  "danger-link": "text-rose-700 hover:underline",
} as const;

const SIZES = {
  sm: "rounded px-2 py-1 text-xs",
  md: "rounded-md px-3 py-1.5 text-sm",
  lg: "rounded-md px-4 py-2 text-sm",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

export function buttonClass({ variant = "secondary", size = "md", className }: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  // A link-styled button takes no box: no padding, no rounding.
  const box = variant === "link" || variant === "danger-link" ? SIZES[size].split(" ").filter((c) => c.startsWith("text-")).join(" ") : SIZES[size];
  return classes(box, VARIANTS[variant], "disabled:cursor-not-allowed disabled:opacity-50", className);
}

export function Button({ variant, size, className, type = "button", ...props }: ComponentProps<"button"> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}
