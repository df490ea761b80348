// Pages need a session; this redirects anonymous visitors to the sign-in page before any page
// code runs. It is only the first gate: every page, action and route handler also checks the
// session and the role on the server (lib/auth/current-user.ts).
// It also refuses addresses carrying a NUL character (`%00`) with 400: PostgreSQL text cannot hold
// one, and no page has a use for it.
import type { NextFetchEvent, NextRequest } from "next/server";
import { type NextRequestWithAuth, withAuth } from "next-auth/middleware";
import { hasNulCharacter } from "@/lib/web/nul-guard";

const requireSession = withAuth({ pages: { signIn: "/login" } });

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  if (hasNulCharacter(request.nextUrl)) {
    return new Response("Bad request: the address contains a NUL character (%00).", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return requireSession(request as NextRequestWithAuth, event);
}

export const config = {
  // The two upload routes (dataset files, Batch API output files) check the session themselves: a
  // matched request's body is buffered for the proxy (and cut at 10 MB), while an upload must stream
  // to disk whatever its size.
  matcher: ["/((?!login|api/auth|api/health|api/imports/upload|api/batches/[^/]+/results|_next/static|_next/image|favicon.ico).*)"],
};
