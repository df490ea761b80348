import type { Metadata } from "next";
import { type DataColumn, DataTable } from "@/components/ui/data-table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listUsers } from "@/lib/users/update-user";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { CreateUserForm } from "./create-user-form";
import { UserRow } from "./user-row";

export const metadata: Metadata = { title: "Users" };

// Must match the cells UserRow renders.
const ACCOUNT_COLUMNS: DataColumn[] = [{ header: "Email" }, { header: "Name" }, { header: "Role" }, { header: "Status" }, { header: "Last sign-in" }, { header: "Actions" }];

export default async function UsersPage() {
  const me = await requirePageUser("users.manage");
  const users = await listUsers();
  return (
    <div className="space-y-8">
      <PageHeader
        title="Users"
        description="Who may sign in and what their role allows. Deactivating someone or resetting their password ends their open sessions at once."
      />
      <CreateUserForm />
      <Section id="accounts-heading" title="Accounts">
        <DataTable columns={ACCOUNT_COLUMNS}>
          {users.map((user) => (
            <UserRow
              key={user.id}
              user={{ id: user.id, email: user.email, name: user.name, role: user.role, active: user.active, lastSignInAt: user.lastSignInAt?.toISOString() ?? null }}
              isMe={user.id === me.id}
            />
          ))}
        </DataTable>
      </Section>
    </div>
  );
}
