// Pages need a session; this redirects anonymous visitors to the sign-in page before any page
// code runs. It is only the first gate: every page, action and route handler also checks the
// session and the role on the server (lib/auth/current-user.ts).
// It also refuses, with 400, addresses no page can use (lib/web/nul-guard.ts): a NUL character
// (`%00`), or a path whose percent-escapes are not UTF-8. next-auth's own routes (/api/auth/...) get
// that check too, and are then passed on without a session check (they are how one signs in).
import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import { type NextRequestWithAuth, withAuth } from "next-auth/middleware";
import { unusableAddress } from "@/lib/web/nul-guard";

const requireSession = withAuth({ pages: { signIn: "/login" } });

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  const refused = unusableAddress(request.nextUrl);
  if (refused) return new Response(`Bad request: ${refused}.`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (request.nextUrl.pathname.startsWith("/api/auth/")) return NextResponse.next();
  return requireSession(request as NextRequestWithAuth, event);
}

export const config = {
  // The two upload routes (dataset files, Batch API output files; the latter only with a numeric
  // batch id, the only form it has) check the session themselves: a matched request's body is
  // buffered for the proxy (and cut at 10 MB), while an upload must stream to disk whatever its size.
  matcher: ["/((?!login|api/health|api/imports/upload|api/batches/[0-9]+/results|_next/static|_next/image|favicon.ico).*)"],
};
