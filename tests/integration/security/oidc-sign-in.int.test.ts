// Protects: single sign-on through an OpenID Connect issuer configured from BOXED_OIDC_* env vars.
// A stand-in issuer runs on 127.0.0.1 (discovery, JWKS with an RS256 key, authorize, token), and
// next-auth's own request handler runs the whole code flow against it: sign-in redirect with state
// and PKCE, the issuer's redirect back with a code, the token exchange and the id_token signature
// check. Only people an admin created, and who are active, get a session; the session lasts 8 hours
// and names the user's current session version. Credentials sign-in is checked the same way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { authOptions, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/auth-options";
import { currentUser, withSessionClaim } from "@/lib/auth/current-user";
import { oidcButtonName, oidcProvider } from "@/lib/auth/oidc-provider";
import { prisma } from "@/lib/db/prisma";
import { createUser } from "@/lib/users/create-user";
import { resetUserPassword, setUserActive } from "@/lib/users/update-user";
import { type OidcIssuer, startOidcIssuer } from "@/tests/support/oidc-issuer";

// next-auth does not export its framework-neutral handler; the file is loaded directly.
type InternalResponse = { status?: number; redirect?: string; body?: unknown; cookies?: { name: string; value: string; options?: { expires?: Date; maxAge?: number } }[] };
let AuthHandler: (params: { req: Request; options: typeof authOptions }) => Promise<InternalResponse>;

const ORIGIN = "http://localhost:3000";
const SECRET = "test-nextauth-secret-0123456789";
let issuer: OidcIssuer;

class CookieJar {
  readonly values = new Map<string, string>();
  readonly expiries = new Map<string, Date | undefined>();
  take(response: InternalResponse) {
    for (const c of response.cookies ?? []) {
      this.values.set(c.name, c.value);
      this.expiries.set(c.name, c.options?.expires);
    }
  }
  header() {
    return [...this.values].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

function options(env: NodeJS.ProcessEnv) {
  return { ...authOptions, secret: SECRET, providers: [...authOptions.providers.filter((p) => p.id === "credentials"), ...oidcProvider(env)] };
}

async function call(opts: ReturnType<typeof options>, jar: CookieJar, path: string, init: { method?: string; form?: Record<string, string> } = {}) {
  const request = new Request(`${ORIGIN}/api/auth/${path}`, {
    method: init.method ?? "GET",
    // The handler reads a Request's body as JSON (Next's adapter parses forms before it).
    headers: { cookie: jar.header(), host: "localhost:3000", ...(init.form ? { "content-type": "application/json" } : {}) },
    body: init.form ? JSON.stringify(init.form) : undefined,
  });
  const response = await AuthHandler({ req: request, options: opts });
  jar.take(response);
  return response;
}

async function csrf(opts: ReturnType<typeof options>, jar: CookieJar): Promise<string> {
  const response = await call(opts, jar, "csrf");
  return (response.body as { csrfToken: string }).csrfToken;
}

/** Runs the browser's part of the OIDC code flow; returns the jar and where next-auth sent us. */
async function signInThroughIssuer(env: NodeJS.ProcessEnv) {
  const opts = options(env);
  const jar = new CookieJar();
  const start = await call(opts, jar, "signin/oidc", { method: "POST", form: { csrfToken: await csrf(opts, jar), callbackUrl: `${ORIGIN}/` } });
  const authorize = new URL(start.redirect ?? "");
  expect(authorize.origin).toBe(issuer.url);
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorize.searchParams.get("scope")).toBe("openid email profile");
  const back = await fetch(authorize, { redirect: "manual" });
  const callback = new URL(back.headers.get("location") ?? "");
  expect(callback.pathname).toBe("/api/auth/callback/oidc");
  const done = await call(opts, jar, `callback/oidc${callback.search}`);
  return { jar, redirect: done.redirect ?? "" };
}

const asEnv = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;
const env = () => asEnv({ BOXED_OIDC_ISSUER: `${issuer.url}/`, BOXED_OIDC_CLIENT_ID: issuer.clientId, BOXED_OIDC_CLIENT_SECRET: issuer.clientSecret, BOXED_OIDC_NAME: "Test IdP" });

beforeAll(async () => {
  process.env.NEXTAUTH_URL = ORIGIN;
  ({ AuthHandler } = (await import("@/node_modules/next-auth/core/index.js")) as unknown as { AuthHandler: typeof AuthHandler });
  issuer = await startOidcIssuer();
});

afterAll(async () => {
  await issuer?.close();
});

describe("the OIDC provider from the environment", () => {
  it("is absent unless issuer, client id and secret are all set", () => {
    expect(oidcProvider(asEnv({}))).toEqual([]);
    expect(oidcProvider(asEnv({ BOXED_OIDC_ISSUER: "https://idp.example.org", BOXED_OIDC_CLIENT_ID: "x" }))).toEqual([]);
  });

  it("gives the sign-in page a button exactly when the provider exists, labelled BOXED_OIDC_NAME or a default", () => {
    expect(oidcButtonName(asEnv({}))).toBeNull();
    // An issuer alone is no provider: a button would lead to a sign-in next-auth does not know.
    expect(oidcButtonName(asEnv({ BOXED_OIDC_ISSUER: "https://idp.example.org", BOXED_OIDC_NAME: "Corp" }))).toBeNull();
    expect(oidcButtonName(env())).toBe("Test IdP");
    expect(oidcButtonName({ ...env(), BOXED_OIDC_NAME: "  " })).toBe("Single sign-on");
  });

  it("is built from BOXED_OIDC_* with PKCE, state and the discovery document", () => {
    const [provider] = oidcProvider(env()) as unknown as Record<string, unknown>[];
    expect(provider).toMatchObject({
      id: "oidc",
      name: "Test IdP",
      type: "oauth",
      wellKnown: `${issuer.url}/.well-known/openid-configuration`,
      idToken: true,
      checks: ["pkce", "state"],
      clientId: issuer.clientId,
      clientSecret: issuer.clientSecret,
    });
    expect((provider.profile as (p: object) => object)({ sub: "s-1", email: "A@B.C", name: "A" })).toEqual({ id: "s-1", email: "A@B.C", name: "A" });
  });
});

describe("signing in through the stand-in issuer", () => {
  it("lets a known, active user in with an 8-hour session naming their account, and records it", async () => {
    const user = await createUser({ email: "sso.user@oidc.test", role: "reviewer", password: "unused-password-1" });
    issuer.signInAs({ sub: "idp-42", email: "SSO.User@oidc.test", name: "Sso User" });
    const before = Date.now();
    const { jar, redirect } = await signInThroughIssuer(env());
    expect(redirect).toBe(`${ORIGIN}/`);
    expect(issuer.requests).toEqual(expect.arrayContaining(["/.well-known/openid-configuration", "/authorize", "/token", "/jwks"]));
    const token = await decode({ token: jar.values.get("next-auth.session-token"), secret: SECRET });
    expect(token).toMatchObject({ userId: user.id, role: "reviewer", sessionVersion: 1 });
    expect((token?.exp as number) - Math.floor(before / 1000)).toBeGreaterThanOrEqual(SESSION_MAX_AGE_SECONDS - 5);
    expect((token?.exp as number) - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(SESSION_MAX_AGE_SECONDS);
    expect(SESSION_MAX_AGE_SECONDS).toBe(8 * 3600);
    expect(await withSessionClaim({ userId: token?.userId as number, sessionVersion: token?.sessionVersion as number }, () => currentUser())).toMatchObject({ email: "sso.user@oidc.test" });
    expect(await prisma().auditLog.findFirst({ where: { action: "auth.sign_in", userId: user.id } })).toMatchObject({ details: { provider: "oidc" } });
  });

  it("refuses an email no admin created, and a deactivated user, without a session", async () => {
    issuer.signInAs({ sub: "idp-7", email: "stranger@oidc.test" });
    const stranger = await signInThroughIssuer(env());
    expect(stranger.redirect).toBe(`${ORIGIN}/api/auth/error?error=AccessDenied`);
    expect(stranger.jar.values.has("next-auth.session-token")).toBe(false);

    const leaver = await createUser({ email: "leaver@oidc.test", role: "admin", password: "unused-password-1" });
    await createUser({ email: "other-admin@oidc.test", role: "admin", password: "unused-password-1" });
    await setUserActive(leaver.id, false);
    issuer.signInAs({ sub: "idp-8", email: "leaver@oidc.test" });
    const refused = await signInThroughIssuer(env());
    expect(refused.redirect).toBe(`${ORIGIN}/api/auth/error?error=AccessDenied`);
    expect(refused.jar.values.has("next-auth.session-token")).toBe(false);
    const entries = await prisma().auditLog.findMany({ where: { action: "auth.sign_in_refused" }, orderBy: { id: "asc" } });
    expect(entries.map((e) => (e.details as { email: string }).email)).toEqual(["stranger@oidc.test", "leaver@oidc.test"]);
  });

  it("refuses an id_token the issuer did not sign for this client (wrong client secret)", async () => {
    issuer.signInAs({ sub: "idp-42", email: "sso.user@oidc.test" });
    const wrong = await signInThroughIssuer({ ...env(), BOXED_OIDC_CLIENT_SECRET: "not-the-secret" });
    expect(wrong.redirect).toMatch(/error=OAuthCallback/);
    expect(wrong.jar.values.has("next-auth.session-token")).toBe(false);
  });
});

describe("signing in with a password", () => {
  it("gives an 8-hour session, and refuses a deactivated account", async () => {
    const user = await createUser({ email: "pw@oidc.test", role: "curator", password: "pw-password-123" });
    const opts = options(asEnv({}));
    const jar = new CookieJar();
    const token = await csrf(opts, jar);
    await call(opts, jar, "callback/credentials", { method: "POST", form: { csrfToken: token, email: "pw@oidc.test", password: "pw-password-123", json: "true" } });
    const session = await decode({ token: jar.values.get("next-auth.session-token"), secret: SECRET });
    expect(session).toMatchObject({ userId: user.id, role: "curator", sessionVersion: 1 });
    // The token itself expires with the cookie, not after next-auth's default 30 days.
    expect((session?.exp as number) - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(SESSION_MAX_AGE_SECONDS);
    const expires = jar.expiries.get("next-auth.session-token");
    expect(expires).toBeInstanceOf(Date);
    expect(Math.abs((expires as Date).getTime() - Date.now() - SESSION_MAX_AGE_SECONDS * 1000)).toBeLessThan(10_000);

    await setUserActive(user.id, false);
    const again = new CookieJar();
    const refused = await call(opts, again, "callback/credentials", { method: "POST", form: { csrfToken: await csrf(opts, again), email: "pw@oidc.test", password: "pw-password-123", json: "true" } });
    expect(refused.redirect ?? "").toMatch(/error=Wrong/);
    expect(again.values.has("next-auth.session-token")).toBe(false);
  });
});

describe("the session endpoint", () => {
  async function signedIn(email: string) {
    const user = await createUser({ email, role: "viewer", password: "session-password-1" });
    const opts = options(asEnv({}));
    const jar = new CookieJar();
    await call(opts, jar, "callback/credentials", { method: "POST", form: { csrfToken: await csrf(opts, jar), email, password: "session-password-1", json: "true" } });
    return { user, opts, jar };
  }

  it("renews the token without moving its end: 8 hours after the sign-in, not after the last request", async () => {
    const { opts, jar } = await signedIn("renew@session.test");
    const first = await decode({ token: jar.values.get("next-auth.session-token"), secret: SECRET });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const answer = await call(opts, jar, "session");
    expect(answer.body).toMatchObject({ user: { email: "renew@session.test" } });
    const renewed = await decode({ token: jar.values.get("next-auth.session-token"), secret: SECRET });
    expect(renewed?.signedInAt).toBe(first?.signedInAt);
    expect(renewed?.exp).toBe((first?.signedInAt as number) + SESSION_MAX_AGE_SECONDS);
  });

  it("answers nothing, and clears the cookie, for a token signed in more than 8 hours ago however fresh its expiry", async () => {
    const { user, opts } = await signedIn("old@session.test");
    const jar = new CookieJar();
    const signedInAt = Math.floor(Date.now() / 1000) - SESSION_MAX_AGE_SECONDS - 1;
    // What a copied cookie kept alive by polling looked like before the limit: a fresh exp.
    jar.values.set("next-auth.session-token", await encode({ secret: SECRET, maxAge: SESSION_MAX_AGE_SECONDS, token: { email: "old@session.test", userId: user.id, role: "viewer", sessionVersion: 1, signedInAt } }));
    const answer = await call(opts, jar, "session");
    expect(answer.body).toEqual({});
    expect(jar.values.get("next-auth.session-token")).toBe("");
    // A token from before the limit existed (no sign-in time) is ended too.
    jar.values.set("next-auth.session-token", await encode({ secret: SECRET, token: { email: "old@session.test", userId: user.id, role: "viewer", sessionVersion: 1 } }));
    expect((await call(opts, jar, "session")).body).toEqual({});
  });

  it("answers nothing for a revoked session (password reset) or a deactivated user", async () => {
    const { user, opts, jar } = await signedIn("revoked@session.test");
    expect((await call(opts, jar, "session")).body).toMatchObject({ user: { email: "revoked@session.test" } });
    await resetUserPassword(user.id, "a-brand-new-password-1");
    expect((await call(opts, jar, "session")).body).toEqual({});
    const other = await signedIn("leaving@session.test");
    await setUserActive(other.user.id, false);
    expect((await call(other.opts, other.jar, "session")).body).toEqual({});
  });
});
