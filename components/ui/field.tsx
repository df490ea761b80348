// Form fields: a label above its control, and the controls' one look (border, padding, size).
// A control fills its field unless given a width (`className="w-24"`, or `w-auto`).
import type { ComponentProps, ReactNode } from "react";
import { classes } from "./classes";

// min-w-0: a field in a grid may be narrower than its select's longest option.
const FIELD = "grid min-w-0 content-start gap-1 text-sm";
const CONTROL = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-slate-900 disabled:bg-slate-50 disabled:text-slate-500";
// Width and text size are the caller's when it names them (`w-24`, `w-auto` for the natural width,
// a monospace `text-xs` editor); otherwise a control fills its field and reads at text-sm.
const names = (className: string | undefined, pattern: RegExp) => (className ?? "").split(/\s+/).some((c) => pattern.test(c));
const control = (className: string | undefined) =>
  classes(CONTROL, names(className, /^w-/) ? undefined : "w-full", names(className, /^text-(xs|sm|base|lg)$/) ? undefined : "text-sm", className);

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={control(className)} {...props} />;
}

/** One <option> of a Select: a bare string is both its value and its text. */
export type SelectOption = string | { value: string | number; label: ReactNode };

/** A select; `options` are listed after any fixed `children` (an "every …" or "none" choice first). */
export function Select({ className, options, children, ...props }: ComponentProps<"select"> & { options?: readonly SelectOption[] }) {
  return (
    <select className={control(className)} {...props}>
      {children}
      {options?.map((option) => {
        const { value, label } = typeof option === "string" ? { value: option, label: option } : option;
        return (
          <option key={value} value={value}>
            {label}
          </option>
        );
      })}
    </select>
  );
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={control(className)} {...props} />;
}

/** A labelled control: the label text above, the control (or controls) below, a hint under them.
 * Without `htmlFor` the <label> wraps the control, so `getByLabel(label)` finds it without an id.
 * With `htmlFor` (and the control's id) the label only points at it: then a select's name is just
 * the label, not the label plus its chosen option. The hint is never part of the name. */
export function Field({ label, hint, htmlFor, className, children }: { label: ReactNode; hint?: ReactNode; htmlFor?: string; className?: string; children: ReactNode }) {
  const text = <span className="font-medium text-slate-700">{label}</span>;
  const hintLine = hint && <span className="text-xs text-slate-500">{hint}</span>;
  if (htmlFor) {
    return (
      <div className={classes(FIELD, className)}>
        <label htmlFor={htmlFor}>{text}</label>
        {children}
        {hintLine}
      </div>
    );
  }
  const labelled = (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is `children`, inside the label
    <label className={classes(FIELD, !hint && className)}>
      {text}
      {children}
    </label>
  );
  if (!hint) return labelled;
  return (
    <div className={classes(FIELD, className)}>
      {labelled}
      {hintLine}
    </div>
  );
}

/** A titled group of controls (checkboxes, radios): the legend above, the controls in a box the
 * caller lays out (`className`: a grid, a wrapping row). */
export function FieldGroup({ legend, className, children }: { legend: ReactNode; className?: string; children: ReactNode }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className={classes("mt-1", className)}>{children}</div>
    </fieldset>
  );
}

/** A checkbox or radio with its label on the right. */
export function CheckField({ children, className, ...props }: ComponentProps<"input"> & { children: ReactNode }) {
  return (
    <label className={classes("flex items-center gap-2 text-sm", className)}>
      <input {...props} />
      <span>{children}</span>
    </label>
  );
}
