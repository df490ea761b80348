"use client";
// The sign-in form. It is a real POST form to next-auth's credentials callback, so a submit before
// the page's JavaScript has loaded (or without JavaScript) still sends the password in the body,
// never in the address; once hydrated, the submit is taken over to show errors in place.

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";

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
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password.");
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form method="post" action="/api/auth/callback/credentials" onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {csrfToken && <input type="hidden" name="csrfToken" value={csrfToken} />}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-slate-500 focus:outline-none" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          Password
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-slate-500 focus:outline-none" />
      </div>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending} className="w-full rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
      {oidcName && (
        <button type="button" onClick={() => signIn("oidc", { callbackUrl })} className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100">
          Continue with {oidcName}
        </button>
      )}
    </form>
  );
}
