import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { oidcButtonName } from "@/lib/auth/oidc-provider";
import { safeCallbackPath, siteOrigin } from "@/lib/auth/safe-callback";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

// next-auth's CSRF cookie holds "token|hash"; the form posts the token back (double submit). Before
// the browser has the cookie, next-auth answers a plain POST by setting it and sending the person
// back to this page, whose form then carries the token.
async function csrfTokenFromCookie(): Promise<string | null> {
  const jar = await cookies();
  const value = jar.get("__Host-next-auth.csrf-token")?.value ?? jar.get("next-auth.csrf-token")?.value;
  const token = value?.split("|")[0];
  return token && /^[0-9a-f]{32,128}$/.test(token) ? token : null;
}

/** The message for what a plain (no JavaScript) POST came back with. */
function errorOfReturn(params: { error?: string }): string | null {
  if (params.error === "CredentialsSignin") return "Wrong email or password.";
  // Only our own messages are repeated; any other text in the address is not shown as if we said it.
  if (params.error && /^(Wrong email or password\.|Too many failed sign-ins\. Try again in \d+ minute\(s\)\.|Enter your email and password\.)$/.test(params.error)) return params.error;
  if (params.error) return "Sign-in failed. Try again.";
  return null;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string }> }) {
  if (await currentUser()) redirect("/");
  const params = await searchParams;
  const { callbackUrl } = params;
  const safeCallback = safeCallbackPath(callbackUrl, siteOrigin());
  const oidcName = oidcButtonName();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">
          <span className="rounded border-2 border-slate-900 px-1.5">Boxed</span>
        </h1>
        <p className="mt-2 text-sm text-slate-600">Sign in to build and audit math reasoning datasets.</p>
        <LoginForm callbackUrl={safeCallback} oidcName={oidcName} csrfToken={await csrfTokenFromCookie()} initialError={errorOfReturn(params)} />
      </div>
    </main>
  );
}
