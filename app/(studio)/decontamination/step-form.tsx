// The frame of a decontamination step's form (retrieval, the LLM judge): a titled card whose submit
// stays on the page. While the step cannot run yet (no set, no endpoint) the card holds the title
// and what is missing instead of the form.
import type { ReactNode } from "react";

const CARD = "rounded-lg border border-slate-200 bg-white p-4 text-sm";
const TITLE = "text-sm font-semibold text-slate-800";

export function StepForm({
  id,
  title,
  missing,
  onSubmit,
  children,
}: {
  id: string;
  title: string;
  /** What the step still needs, said in place of the form; null when it can run. */
  missing: ReactNode;
  onSubmit: (form: HTMLFormElement) => void;
  children: ReactNode;
}) {
  if (missing) {
    return (
      <div className={`${CARD} text-slate-600`}>
        <h3 className={TITLE}>{title}</h3>
        <p className="mt-2">{missing}</p>
      </div>
    );
  }
  return (
    <form
      aria-labelledby={id}
      className={`space-y-3 ${CARD}`}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(event.currentTarget);
      }}
    >
      <h3 id={id} className={TITLE}>
        {title}
      </h3>
      {children}
    </form>
  );
}
