import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { safeCallbackPath, siteOrigin } from "@/lib/auth/safe-callback";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth answers a `callbackUrl` query value it cannot parse as a URL (`?callbackUrl=1e308`)
// with a 500 "server configuration" error. The value is only ever a place to go after signing in,
// so it is replaced by the safe path it stands for (lib/auth/safe-callback.ts) before next-auth
// sees it.
function withSafeCallbackUrl(request: NextRequest): NextRequest {
  const raw = request.nextUrl.searchParams.get("callbackUrl");
  if (raw === null) return request;
  const url = new URL(request.nextUrl);
  const origin = siteOrigin();
  url.searchParams.set("callbackUrl", `${origin}${safeCallbackPath(raw, origin)}`);
  return new NextRequest(url, request);
}

async function handle(request: NextRequest, context: Context) {
  return handler(withSafeCallbackUrl(request), context);
}

export { handle as GET, handle as POST };
