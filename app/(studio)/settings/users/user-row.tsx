"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Row, Td } from "@/components/ui/data-table";
import { Select } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/auth/authorized-action";
import { ROLES, type RoleName } from "@/lib/auth/permissions";
import { resetUserPasswordAction, setUserActiveAction, setUserRoleAction } from "./actions";
import { OneTimePassword } from "./one-time-password";

export interface UserRowData {
  id: number;
  email: string;
  name: string | null;
  role: RoleName;
  active: boolean;
  lastSignInAt: string | null;
}

export function UserRow({ user, isMe }: { user: UserRowData; isMe: boolean }) {
  const router = useRouter();
  const action = useAction();
  const { pending, error } = action;
  const [newPassword, setNewPassword] = useState<string | null>(null);

  async function run<T>(call: () => Promise<ActionResult<T>>): Promise<T | null> {
    const data = await action.run(call);
    if (data !== null) router.refresh();
    return data;
  }

  return (
    <>
      <Row className="align-top">
        <Td className="font-medium">
          {user.email}
          {isMe && <span className="ml-1 text-xs text-slate-500">(you)</span>}
        </Td>
        <Td>{user.name ?? "–"}</Td>
        <Td>
          <Select
            aria-label={`Role of ${user.email}`}
            className="w-auto"
            value={user.role}
            disabled={pending}
            onChange={(event) => run(() => setUserRoleAction({ userId: user.id, role: event.target.value as RoleName }))}
            options={ROLES}
          />
        </Td>
        <Td>{user.active ? "active" : <span className="text-red-700">deactivated</span>}</Td>
        <Td className="tabular-nums text-slate-600">{user.lastSignInAt ? new Date(user.lastSignInAt).toLocaleString("en-GB") : "never"}</Td>
        <Td className="space-x-2 whitespace-nowrap">
          <Button
            size="sm"
            disabled={pending}
            onClick={() => run(() => setUserActiveAction({ userId: user.id, active: !user.active }))}
            aria-label={`${user.active ? "Deactivate" : "Reactivate"} ${user.email}`}
          >
            {user.active ? "Deactivate" : "Reactivate"}
          </Button>
          <Button
            size="sm"
            disabled={pending}
            onClick={async () => {
              const data = await run(() => resetUserPasswordAction({ userId: user.id }));
              if (data) setNewPassword(data.password);
            }}
            aria-label={`Reset the password of ${user.email}`}
          >
            Reset password
          </Button>
        </Td>
      </Row>
      {(error || newPassword) && (
        <tr>
          <td colSpan={6} className="px-4 pb-3">
            {error && (
              <Alert tone="error" banner>
                {error}
              </Alert>
            )}
            {newPassword && <OneTimePassword email={user.email} password={newPassword} onDismiss={() => setNewPassword(null)} />}
          </td>
        </tr>
      )}
    </>
  );
}
