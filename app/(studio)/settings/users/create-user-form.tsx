"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ROLES, type RoleName } from "@/lib/auth/permissions";
import { createUserAction } from "./actions";
import { OneTimePassword } from "./one-time-password";

const field = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5";

export function CreateUserForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    setError(null);
    setCreated(null);
    const result = await createUserAction({
      email: String(form.get("email") ?? ""),
      name: String(form.get("name") ?? ""),
      role: String(form.get("role") ?? "viewer") as RoleName,
      password: String(form.get("password") ?? ""),
    });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setCreated({ email: result.data.email, password: result.data.password });
    formElement.reset();
    router.refresh();
  }

  return (
    <section aria-labelledby="create-user-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="create-user-heading" className="text-sm font-semibold text-slate-700">
        Add a user
      </h2>
      <form onSubmit={onSubmit} className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-5" noValidate>
        {/* Labels point at their fields (htmlFor) rather than wrapping them, so a field's name is
            just its label, not the label plus the select's current option. */}
        <div className="text-sm">
          <label htmlFor="new-user-email" className="block font-medium text-slate-700">
            Email
          </label>
          <input id="new-user-email" name="email" type="email" required className={field} />
        </div>
        <div className="text-sm">
          <label htmlFor="new-user-name" className="block font-medium text-slate-700">
            Name (optional)
          </label>
          <input id="new-user-name" name="name" className={field} />
        </div>
        <div className="text-sm">
          <label htmlFor="new-user-role" className="block font-medium text-slate-700">
            Role
          </label>
          <select id="new-user-role" name="role" defaultValue="reviewer" className={field}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </div>
        <div className="text-sm">
          <label htmlFor="new-user-password" className="block font-medium text-slate-700">
            Password
          </label>
          <input id="new-user-password" name="password" type="password" autoComplete="new-password" placeholder="empty: generate one" className={field} />
        </div>
        <div className="flex items-end">
          <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
            {pending ? "Creating…" : "Create user"}
          </button>
        </div>
      </form>
      {error && (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      {created && (
        <div className="mt-3">
          <OneTimePassword email={created.email} password={created.password} onDismiss={() => setCreated(null)} />
        </div>
      )}
    </section>
  );
}
