// For pages (server components): the user when allowed, else a redirect to sign in or to the
// "not allowed" page. Pages call this first, so hiding a link is never the only protection.
import { redirect } from "next/navigation";
import { currentUser, type SessionUser } from "@/lib/auth/current-user";
import { type ActionName, can } from "@/lib/auth/permissions";

export async function requirePageUser(action: ActionName = "dashboard.view"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (!can(user.role, action)) redirect(`/forbidden?action=${encodeURIComponent(action)}`);
  return user;
}
