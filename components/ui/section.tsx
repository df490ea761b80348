// A titled part of a page: a <section> named by its heading (a region to screen readers and to
// getByRole("region", { name })), the part's actions on the heading's right, and one way to say
// the part is empty. `page` parts split a page into chapters (insights); `panel` parts are the
// smaller blocks of a page (dashboard lists, a set's tables). `card` sets the part on a white card.
import type { ReactNode } from "react";
import { classes } from "./classes";

const LOOKS = {
  page: { section: "space-y-4", heading: "text-lg font-semibold" },
  panel: { section: "space-y-2", heading: "text-sm font-semibold text-slate-700" },
} as const;

/** An id for a heading from its text: "Answers of its solutions" → "section-answers-of-its-solutions". */
const headingId = (title: string) => `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;

export function Section({
  title,
  id = headingId(title),
  look = "panel",
  card = false,
  actions,
  empty,
  className,
  children,
}: {
  title: string;
  /** The heading's id; from the title unless two parts of a page share one. */
  id?: string;
  look?: keyof typeof LOOKS;
  card?: boolean;
  actions?: ReactNode;
  /** Said instead of the children when the part has nothing to show ("No solutions yet."). */
  empty?: ReactNode;
  className?: string;
  children?: ReactNode;
}) {
  const heading = (
    <h2 id={id} className={LOOKS[look].heading}>
      {title}
    </h2>
  );
  return (
    <section aria-labelledby={id} className={classes(LOOKS[look].section, card && "rounded-lg border border-slate-200 bg-white p-4", className)}>
      {actions ? (
        <div className="flex items-center justify-between gap-2">
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
      {empty ? <p className="text-sm text-slate-500">{empty}</p> : children}
    </section>
  );
}
