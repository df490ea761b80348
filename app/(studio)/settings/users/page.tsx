import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listUsers } from "@/lib/users/update-user";
import { CreateUserForm } from "./create-user-form";
import { UserRow } from "./user-row";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requirePageUser("users.manage");
  const users = await listUsers();
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <p className="text-sm text-slate-600">
          Who may sign in and what their role allows. Deactivating someone or resetting their password ends their open sessions at once.
        </p>
      </header>
      <CreateUserForm />
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading" className="mb-2 text-sm font-semibold text-slate-700">
          Accounts
        </h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2">Email</th>
                <th className="px-4 py-2">Name</th>
                <th className="px-4 py-2">Role</th>
                <th className="px-4 py-2">Status</th>
                <th className="px-4 py-2">Last sign-in</th>
                <th className="px-4 py-2">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <UserRow
                  key={user.id}
                  user={{ id: user.id, email: user.email, name: user.name, role: user.role, active: user.active, lastSignInAt: user.lastSignInAt?.toISOString() ?? null }}
                  isMe={user.id === me.id}
                />
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
