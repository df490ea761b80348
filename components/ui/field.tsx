// Form fields: a label above its control, and the controls' one look (border, padding, size).
// Width is the caller's (`className="w-24"`); a Field's control fills it unless given a width.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { classes } from "./classes";

const CONTROL = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 disabled:bg-slate-50 disabled:text-slate-500";

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={classes(CONTROL, className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={classes(CONTROL, className)} {...props} />;
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={classes(CONTROL, className)} {...props} />;
}

/** A labelled control: the label text above, the control (or controls) below, a hint under them.
 * The <label> wraps the control, so `getByLabel(label)` finds it without an id. */
export function Field({ label, hint, htmlFor, className, children }: { label: ReactNode; hint?: ReactNode; htmlFor?: string; className?: string; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className={classes("grid content-start gap-1 text-sm", className)}>
      <span className="font-medium text-slate-700">{label}</span>
      {children}
      {hint && <span className="text-xs text-slate-500">{hint}</span>}
    </label>
  );
}

/** A checkbox or radio with its label on the right. */
export function CheckField({ children, className, ...props }: InputHTMLAttributes<HTMLInputElement> & { children: ReactNode }) {
  return (
    <label className={classes("flex items-center gap-2 text-sm", className)}>
      <input {...props} />
      <span>{children}</span>
    </label>
  );
}
