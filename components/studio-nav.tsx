// The studio's side navigation: links the user's role may open, and who is signed in.
import Link from "next/link";
import { can, type ActionName, type RoleName } from "@/lib/auth/permissions";
import { SignOutButton } from "@/components/sign-out-button";

export const NAV_ITEMS: { href: string; label: string; action: ActionName }[] = [
  { href: "/", label: "Dashboard", action: "dashboard.view" },
  { href: "/insights", label: "Insights", action: "dashboard.view" },
  { href: "/sets", label: "Problem sets", action: "dashboard.view" },
  { href: "/exports", label: "Exports", action: "export.download" },
  { href: "/solutions", label: "Solutions", action: "dashboard.view" },
  { href: "/batches", label: "Batches", action: "dashboard.view" },
  { href: "/templates", label: "Templates", action: "dashboard.view" },
  { href: "/review", label: "Review", action: "dashboard.view" },
  { href: "/decontamination", label: "Decontamination", action: "dashboard.view" },
  { href: "/settings/endpoints", label: "Endpoints", action: "endpoints.manage" },
  { href: "/settings/users", label: "Users", action: "users.manage" },
  { href: "/audit", label: "Audit log", action: "audit.view" },
];

export function StudioNav({ user }: { user: { email: string; role: RoleName } }) {
  return (
    <nav aria-label="Studio" className="flex w-56 shrink-0 flex-col border-r border-slate-200 bg-white px-3 py-5">
      <Link href="/" className="px-2 text-lg font-semibold tracking-tight">
        <span className="rounded border-2 border-slate-900 px-1.5">Boxed</span>
      </Link>
      <ul className="mt-6 space-y-1">
        {NAV_ITEMS.filter((item) => can(user.role, item.action)).map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="block rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
      <div className="mt-auto border-t border-slate-200 px-2 pt-4 text-xs text-slate-600">
        <p className="truncate" title={user.email}>
          {user.email}
        </p>
        <p className="mt-0.5">
          Role: <span className="font-medium text-slate-800">{user.role}</span>
        </p>
        <SignOutButton />
      </div>
    </nav>
  );
}
