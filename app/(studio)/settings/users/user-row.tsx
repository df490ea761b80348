"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
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
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [newPassword, setNewPassword] = useState<string | null>(null);

  async function run<T>(call: () => Promise<ActionResult<T>>): Promise<T | null> {
    setPending(true);
    setError(null);
    const result = await call();
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    router.refresh();
    return result.data;
  }

  return (
    <>
      <tr className="border-t border-slate-100 align-top">
        <td className="px-4 py-2 font-medium">
          {user.email}
          {isMe && <span className="ml-1 text-xs text-slate-500">(you)</span>}
        </td>
        <td className="px-4 py-2">{user.name ?? "–"}</td>
        <td className="px-4 py-2">
          <select
            aria-label={`Role of ${user.email}`}
            value={user.role}
            disabled={pending}
            onChange={(event) => run(() => setUserRoleAction({ userId: user.id, role: event.target.value as RoleName }))}
            className="rounded-md border border-slate-300 px-2 py-1"
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </td>
        <td className="px-4 py-2">{user.active ? "active" : <span className="text-red-700">deactivated</span>}</td>
        <td className="px-4 py-2 tabular-nums text-slate-600">{user.lastSignInAt ? new Date(user.lastSignInAt).toLocaleString("en-GB") : "never"}</td>
        <td className="space-x-2 px-4 py-2 whitespace-nowrap">
          <button
            type="button"
            disabled={pending}
            onClick={() => run(() => setUserActiveAction({ userId: user.id, active: !user.active }))}
            aria-label={`${user.active ? "Deactivate" : "Reactivate"} ${user.email}`}
            className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-60"
          >
            {user.active ? "Deactivate" : "Reactivate"}
          </button>
          <button
            type="button"
            disabled={pending}
            onClick={async () => {
              const data = await run(() => resetUserPasswordAction({ userId: user.id }));
              if (data) setNewPassword(data.password);
            }}
            aria-label={`Reset the password of ${user.email}`}
            className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-60"
          >
            Reset password
          </button>
        </td>
      </tr>
      {(error || newPassword) && (
        <tr>
          <td colSpan={6} className="px-4 pb-3">
            {error && (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
                {error}
              </p>
            )}
            {newPassword && <OneTimePassword email={user.email} password={newPassword} onDismiss={() => setNewPassword(null)} />}
          </td>
        </tr>
      )}
    </>
  );
}
