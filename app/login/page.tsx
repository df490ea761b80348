import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { safeCallbackPath, siteOrigin } from "@/lib/auth/safe-callback";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  if (await currentUser()) redirect("/");
  const { callbackUrl } = await searchParams;
  const safeCallback = safeCallbackPath(callbackUrl, siteOrigin());
  const oidcName = process.env.BOXED_OIDC_ISSUER ? (process.env.BOXED_OIDC_NAME ?? "Single sign-on") : null;
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">
          <span className="rounded border-2 border-slate-900 px-1.5">Boxed</span>
        </h1>
        <p className="mt-2 text-sm text-slate-600">Sign in to build and audit math reasoning datasets.</p>
        <LoginForm callbackUrl={safeCallback} oidcName={oidcName} />
      </div>
    </main>
  );
}
