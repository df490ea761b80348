"use client";
// The sign-in form. It is a real POST form to next-auth's credentials callback, so a submit before
// the page's JavaScript has loaded (or without JavaScript) still sends the password in the body,
// never in the address; once hydrated, the submit is taken over to show errors in place.

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";

export function LoginForm({
  callbackUrl,
  oidcName,
  csrfToken,
  initialError,
}: {
  callbackUrl: string;
  oidcName: string | null;
  /** next-auth's CSRF token from its cookie, when the browser has one, for the form's plain POST. */
  csrfToken: string | null;
  /** What a plain POST that came back said (wrong password, expired form). */
  initialError: string | null;
}) {
  const router = useRouter();
  const { pending, error, run } = useAction(initialError);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const signedIn = await run(async () => {
      const result = await signIn("credentials", { redirect: false, email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });
      if (result && !result.error) return { ok: true, data: true } as const;
      return { ok: false, error: result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password." } as const;
    });
    if (!signedIn) return;
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form method="post" action="/api/auth/callback/credentials" onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {csrfToken && <input type="hidden" name="csrfToken" value={csrfToken} />}
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="username" required />
      </Field>
      <Field label="Password" htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      {error && (
        <Alert tone="error" banner>
          {error}
        </Alert>
      )}
      <Button type="submit" variant="primary" size="lg" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      {oidcName && (
        <Button size="lg" onClick={() => signIn("oidc", { callbackUrl })} className="w-full">
          Continue with {oidcName}
        </Button>
      )}
    </form>
  );
}
