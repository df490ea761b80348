// Pages need a session; this redirects anonymous visitors to the sign-in page before any page
// code runs. It is only the first gate: every page, action and route handler also checks the
// session and the role on the server (lib/auth/current-user.ts).
import { withAuth } from "next-auth/middleware";

export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  // The two upload routes (dataset files, Batch API output files) check the session themselves: a
  // matched request's body is buffered for the proxy (and cut at 10 MB), while an upload must stream
  // to disk whatever its size.
  matcher: ["/((?!login|api/auth|api/health|api/imports/upload|api/batches/[^/]+/results|_next/static|_next/image|favicon.ico).*)"],
};
