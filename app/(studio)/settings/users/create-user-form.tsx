"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { ROLES, type RoleName } from "@/lib/auth/permissions";
import { createUserAction } from "./actions";
import { OneTimePassword } from "./one-time-password";

export function CreateUserForm() {
  const router = useRouter();
  const { pending, error, run } = useAction();
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setCreated(null);
    const user = await run(() =>
      createUserAction({
        email: String(form.get("email") ?? ""),
        name: String(form.get("name") ?? ""),
        role: String(form.get("role") ?? "viewer") as RoleName,
        password: String(form.get("password") ?? ""),
      }),
    );
    if (!user) return;
    setCreated({ email: user.email, password: user.password });
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
        <Field label="Email" htmlFor="new-user-email">
          <Input id="new-user-email" name="email" type="email" required />
        </Field>
        <Field label="Name (optional)" htmlFor="new-user-name">
          <Input id="new-user-name" name="name" />
        </Field>
        <Field label="Role" htmlFor="new-user-role">
          <Select id="new-user-role" name="role" defaultValue="reviewer" options={ROLES} />
        </Field>
        <Field label="Password" htmlFor="new-user-password">
          <Input id="new-user-password" name="password" type="password" autoComplete="new-password" placeholder="empty: generate one" />
        </Field>
        <div className="flex items-end">
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Creating…" : "Create user"}
          </Button>
        </div>
      </form>
      {error && (
        <Alert tone="error" banner className="mt-3">
          {error}
        </Alert>
      )}
      {created && (
        <div className="mt-3">
          <OneTimePassword email={created.email} password={created.password} onDismiss={() => setCreated(null)} />
        </div>
      )}
    </section>
  );
}
