// next-auth (v4) configuration: email + password sign-in, JWT sessions that expire, and an
// optional OpenID Connect provider from environment variables. Every request re-reads the user
// (lib/auth/current-user.ts), so a role change or deactivation takes effect at once.
import type { NextAuthOptions } from "next-auth";
import { encode, type JWT, type JWTEncodeParams } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyPassword } from "@/lib/auth/password";
import { attemptSucceeded, beginSignInAttempt } from "@/lib/auth/sign-in-throttle";
import { stampedClientAddress } from "@/lib/auth/client-address";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { oidcProvider } from "@/lib/auth/oidc-provider";
import { prisma } from "@/lib/db/prisma";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** Longest email (RFC 5321's path limit) and password accepted at sign-in; longer is refused unread. */
export const MAX_EMAIL_LENGTH = 254;
export const MAX_PASSWORD_LENGTH = 1024;

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Thrown from the jwt callback: next-auth then answers the session endpoint with {} and clears the cookie. */
class SessionEndedError extends Error {
  constructor(why: string) {
    super(`session ended: ${why}`);
    this.name = "SessionEndedError";
  }
}

/** A sign-in refusal whose message the form shows; anything else is reported as a server error. */
class SignInRefusedError extends Error {}

/**
 * Whether a signed-in token may still be used: within 8 hours of the sign-in itself (however often
 * the token was re-issued since), and its user still active with the same session version. Tokens
 * without a sign-in time (issued before the limit existed) are ended.
 */
async function checkSessionStillValid(token: JWT): Promise<void> {
  const signedInAt = token.signedInAt;
  if (typeof signedInAt !== "number" || nowSeconds() - signedInAt >= SESSION_MAX_AGE_SECONDS) throw new SessionEndedError("older than the session limit");
  if (typeof token.userId !== "number") throw new SessionEndedError("no user");
  const user = await prisma().user.findUnique({ where: { id: token.userId }, select: { active: true, sessionVersion: true } });
  if (!user?.active || user.sessionVersion !== token.sessionVersion) throw new SessionEndedError("revoked");
}

/** The token expires 8 hours after sign-in, not 8 hours after its latest re-issue. */
function encodeWithAbsoluteExpiry(params: JWTEncodeParams): Promise<string> {
  const signedInAt = params.token?.signedInAt;
  const left = typeof signedInAt === "number" ? signedInAt + SESSION_MAX_AGE_SECONDS - nowSeconds() : SESSION_MAX_AGE_SECONDS;
  return encode({ ...params, maxAge: Math.max(1, Math.min(params.maxAge ?? SESSION_MAX_AGE_SECONDS, left)) });
}


async function authorizeWithPassword(credentials: Record<string, string> | undefined, headers: Record<string, unknown> | undefined) {
  const rawEmail = typeof credentials?.email === "string" ? credentials.email : "";
  const password = typeof credentials?.password === "string" ? credentials.password : "";
  if (!rawEmail.trim() || !password) throw new SignInRefusedError("Enter your email and password.");
  // No account has a longer email, and nothing this long is worth hashing, storing or logging.
  if (rawEmail.length > MAX_EMAIL_LENGTH || password.length > MAX_PASSWORD_LENGTH) throw new SignInRefusedError("Wrong email or password.");
  const email = rawEmail.trim().toLowerCase();
  const ip = stampedClientAddress(headers);
  const attempt = await beginSignInAttempt(email, ip);
  if (!attempt.allowed) {
    throw new SignInRefusedError(`Too many failed sign-ins. Try again in ${Math.max(1, Math.ceil(attempt.waitMs / 60_000))} minute(s).`);
  }
  const user = await prisma().user.findUnique({ where: { email } });
  const ok = user?.active === true && (await verifyPassword(password, user.passwordHash));
  if (!user || !ok) {
    await recordAudit({ userId: user?.id ?? null, action: "auth.sign_in_failed", details: { email }, ip });
    throw new SignInRefusedError("Wrong email or password.");
  }
  await attemptSucceeded(email, ip);
  await prisma().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordAudit({ userId: user.id, action: "auth.sign_in", objectType: "user", objectId: user.id, ip });
  return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // The token's own expiry (next-auth's default is 30 days whatever the cookie says), so a copied
  // cookie stops working after 8 hours too, counted from the sign-in (encodeWithAbsoluteExpiry).
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS, encode: encodeWithAbsoluteExpiry },
  logger: {
    error(code, metadata) {
      // An ended session is an expected answer ({} and a cleared cookie), not a server error.
      if (code === "JWT_SESSION_ERROR" && (metadata as { name?: string } | undefined)?.name === "SessionEndedError") return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
  // Errors come back to the sign-in form (a plain POST without JavaScript lands there with ?error=).
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        try {
          return await authorizeWithPassword(credentials, request?.headers as Record<string, unknown> | undefined);
        } catch (error) {
          if (error instanceof SignInRefusedError) throw new Error(error.message);
          // next-auth shows a thrown message on the form: never a database error.
          console.error("[auth] sign-in failed with a server error:", error);
          throw new Error("Sign-in failed because of a server error. Try again in a moment.");
        }
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    // Where next-auth sends the browser after signing in or out: a path of this site, nothing else.
    async redirect({ url, baseUrl }) {
      return `${new URL(baseUrl).origin}${safeCallbackPath(url, baseUrl)}`;
    },
    async signIn({ user, account }) {
      if (account?.provider === "credentials") return true;
      // OIDC: only people an admin has created (by email) and who are active may enter.
      const email = user.email?.toLowerCase();
      if (!email) return false;
      const known = await prisma().user.findUnique({ where: { email } });
      if (!known?.active) {
        await recordAudit({ userId: known?.id ?? null, action: "auth.sign_in_refused", details: { email, provider: account?.provider ?? null } });
        return false;
      }
      await prisma().user.update({ where: { id: known.id }, data: { lastSignInAt: new Date() } });
      await recordAudit({ userId: known.id, action: "auth.sign_in", objectType: "user", objectId: known.id, details: { provider: account?.provider ?? null } });
      return true;
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const email = (user.email ?? "").toLowerCase();
        const known = await prisma().user.findUnique({ where: { email } });
        if (known) {
          token.userId = known.id;
          token.role = known.role;
          token.sessionVersion = known.sessionVersion;
          token.signedInAt = nowSeconds();
        }
        return token;
      }
      await checkSessionStillValid(token);
      return token;
    },
    async session({ session, token }) {
      if (session.user) {
        session.user.id = token.userId as number;
        session.user.role = token.role as string;
        session.user.sessionVersion = token.sessionVersion as number;
      }
      return session;
    },
  },
};
