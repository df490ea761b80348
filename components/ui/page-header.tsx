// The top of every studio page: where it sits (a link back to its parent page), its title, one
// line on what it holds, and the page's main actions on the right.
import Link from "next/link";
import type { ReactNode } from "react";

export function PageHeader({
  title,
  back,
  description,
  actions,
  children,
}: {
  title: ReactNode;
  back?: { href: string; label: string };
  description?: ReactNode;
  /** Buttons or links on the right: the page's main actions. */
  actions?: ReactNode;
  /** More lines under the description (links, a picker). */
  children?: ReactNode;
}) {
  return (
    <header className="flex items-end justify-between gap-4">
      <div className="min-w-0 flex-1 space-y-1">
        {back && (
          <p className="text-sm">
            <Link href={back.href} className="text-sky-700 hover:underline">
              {back.label}
            </Link>
          </p>
        )}
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description && <p className="text-sm text-slate-600">{description}</p>}
        {children}
      </div>
      {actions && <div className="shrink-0">{actions}</div>}
    </header>
  );
}
