// Pages need a session; this redirects anonymous visitors to the sign-in page before any page
// code runs. It is only the first gate: every page, action and route handler also checks the
// session and the role on the server (lib/auth/current-user.ts).
import { withAuth } from "next-auth/middleware";

export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: ["/((?!login|api/auth|api/health|_next/static|_next/image|favicon.ico).*)"],
};
