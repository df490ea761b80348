// Narrows every insight to one problem set (?set=<id>), or shows them all.
import Link from "next/link";

export function ScopePicker({ sets, current }: { sets: { id: number; name: string; role: string }[]; current: number | null }) {
  const item = (href: string, label: string, active: boolean) => (
    <li key={href}>
      <Link
        href={href}
        aria-current={active ? "page" : undefined}
        className={`block rounded-full border px-3 py-1 text-xs ${active ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 text-slate-700 hover:bg-slate-100"}`}
      >
        {label}
      </Link>
    </li>
  );
  return (
    <nav aria-label="Problem set">
      <ul className="flex flex-wrap gap-2">
        {item("/insights", "All sets", current === null)}
        {sets.map((s) => item(`/insights?set=${s.id}`, `${s.name} (${s.role})`, current === s.id))}
      </ul>
    </nav>
  );
}
