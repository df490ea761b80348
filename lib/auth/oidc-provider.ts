// Optional single sign-on through any OpenID Connect issuer, configured from the environment:
// BOXED_OIDC_ISSUER, BOXED_OIDC_CLIENT_ID, BOXED_OIDC_CLIENT_SECRET (and BOXED_OIDC_NAME for the
// button). Only people whose email an admin created in Boxed can sign in this way.
import type { Provider } from "next-auth/providers/index";

export function oidcProvider(env: NodeJS.ProcessEnv = process.env): Provider[] {
  const issuer = env.BOXED_OIDC_ISSUER;
  const clientId = env.BOXED_OIDC_CLIENT_ID;
  const clientSecret = env.BOXED_OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return [];
  return [
    {
      id: "oidc",
      name: env.BOXED_OIDC_NAME ?? "Single sign-on",
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
