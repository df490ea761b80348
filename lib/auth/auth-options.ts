// next-auth (v4) configuration: email + password sign-in, JWT sessions that expire, and an
// optional OpenID Connect provider from environment variables. Every request re-reads the user
// (lib/auth/current-user.ts), so a role change or deactivation takes effect at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyPassword } from "@/lib/auth/password";
import { clearFailures, lockedForMs, recordFailure } from "@/lib/auth/sign-in-throttle";
import { oidcProvider } from "@/lib/auth/oidc-provider";
import { prisma } from "@/lib/db/prisma";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  if (typeof forwarded === "string" && forwarded) return forwarded.split(",")[0].trim();
  const real = headers?.["x-real-ip"];
  return typeof real === "string" && real ? real : null;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // The token's own expiry (next-auth's default is 30 days whatever the cookie says), so a copied
  // cookie stops working after 8 hours too.
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  // Errors come back to the sign-in form (a plain POST without JavaScript lands there with ?error=).
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const email = credentials?.email?.trim().toLowerCase() ?? "";
        const password = credentials?.password ?? "";
        if (!email || !password) throw new Error("Enter your email and password.");
        const ip = clientAddress(request?.headers as Record<string, unknown> | undefined);
        const waitMs = await lockedForMs(email, ip);
        if (waitMs > 0) {
          throw new Error(`Too many failed sign-ins. Try again in ${Math.ceil(waitMs / 60_000)} minute(s).`);
        }
        const user = await prisma().user.findUnique({ where: { email } });
        const ok = user?.active === true && (await verifyPassword(password, user.passwordHash));
        if (!user || !ok) {
          await recordFailure(email, ip);
          await recordAudit({ userId: user?.id ?? null, action: "auth.sign_in_failed", details: { email }, ip });
          throw new Error("Wrong email or password.");
        }
        await clearFailures(email);
        await prisma().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
        await recordAudit({ userId: user.id, action: "auth.sign_in", objectType: "user", objectId: user.id, ip });
        return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
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
        }
      }
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
