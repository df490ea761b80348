// The Content-Security-Policy directives every response shares; only script-src differs between
// pages (a per-response nonce, lib/http/content-security-policy.ts) and what the proxy does not see
// (next.config.mjs: no inline script at all). Plain .mjs so next.config.mjs can import it.

/** The whole policy with the given script-src sources, e.g. "'self'". */
export function contentSecurityPolicy(scriptSources) {
  return [
    "default-src 'self'",
    `script-src ${scriptSources}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}
