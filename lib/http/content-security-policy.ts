// The Content-Security-Policy of pages: scripts only from this site or carrying the nonce of this
// response (no 'unsafe-inline'), which proxy.ts makes fresh for every request. Next.js reads the
// nonce from the policy on the request and puts it on its own inline scripts; 'strict-dynamic'
// lets those load the rest of the app's chunks. Styles keep 'unsafe-inline' (KaTeX and the charts
// set style attributes). Responses the proxy does not see (API routes, static files) get the
// static policy of next.config.mjs, which allows no inline script at all.
import { contentSecurityPolicy } from "@/lib/http/csp-directives.mjs";

/** A fresh, unguessable nonce (128 random bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function pageContentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV !== "production"): string {
  // Development builds evaluate code for fast refresh; production never does.
  return contentSecurityPolicy(`'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`);
}
