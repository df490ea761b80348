// Pages need a session; this redirects anonymous visitors to the sign-in page before any page
// code runs. It is only the first gate: every page, action and route handler also checks the
// session and the role on the server (lib/auth/current-user.ts).
// It also refuses, with 400, addresses no page can use (lib/http/nul-guard.ts): a NUL character
// (`%00`), or a path whose percent-escapes are not UTF-8; and it gives every page it passes on a
// Content-Security-Policy with a fresh script nonce (lib/http/content-security-policy.ts).
// The sign-in page and next-auth's own routes (/api/auth/...) are passed on without a session check.
import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import { type NextRequestWithAuth, withAuth } from "next-auth/middleware";
import { newNonce, pageContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { unusableAddress } from "@/lib/http/nul-guard";

/** Passes the request on with this response's policy, on the request (for Next) and the response. */
function nextWithPolicy(request: NextRequest): NextResponse {
  const policy = pageContentSecurityPolicy(newNonce());
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

const requireSession = withAuth((request) => nextWithPolicy(request), { pages: { signIn: "/login" } });

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  const refused = unusableAddress(request.nextUrl);
  if (refused) return new Response(`Bad request: ${refused}.`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { pathname } = request.nextUrl;
  if (pathname === "/login" || pathname.startsWith("/api/auth/")) return nextWithPolicy(request);
  return requireSession(request as NextRequestWithAuth, event);
}

export const config = {
  // The two upload routes (dataset files, Batch API output files; the latter only with a numeric
  // batch id, the only form it has) check the session themselves: a matched request's body is
  // buffered for the proxy (and cut at 10 MB), while an upload must stream to disk whatever its size.
  matcher: ["/((?!api/health|api/imports/upload|api/batches/[0-9]+/results|_next/static|_next/image|favicon.ico).*)"],
};
