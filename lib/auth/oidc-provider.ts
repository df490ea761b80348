// Optional single sign-on through any OpenID Connect issuer, configured from the environment:
// BOXED_OIDC_ISSUER, BOXED_OIDC_CLIENT_ID, BOXED_OIDC_CLIENT_SECRET (and BOXED_OIDC_NAME for the
// button). Only people whose email an admin created in Boxed can sign in this way. The sign-in
// page offers the button exactly when the provider exists (oidcButtonName), by the same reading.
import type { Provider } from "next-auth/providers/index";
import { readSetting } from "@/lib/settings/read-settings";

export function oidcProvider(env: NodeJS.ProcessEnv = process.env): Provider[] {
  const issuer = readSetting("BOXED_OIDC_ISSUER", env);
  const clientId = readSetting("BOXED_OIDC_CLIENT_ID", env);
  const clientSecret = readSetting("BOXED_OIDC_CLIENT_SECRET", env);
  if (!issuer || !clientId || !clientSecret) return [];
  return [
    {
      id: "oidc",
      name: readSetting("BOXED_OIDC_NAME", env) ?? "Single sign-on",
      type: "oauth",
      wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
      idToken: true,
      checks: ["pkce", "state"],
      clientId,
      clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? null };
      },
    },
  ];
}

/** The label of the sign-in page's single sign-on button, or null when single sign-on is not configured. */
export function oidcButtonName(env: NodeJS.ProcessEnv = process.env): string | null {
  return oidcProvider(env)[0]?.name ?? null;
}
