// Which address a request came from, for sign-in throttling and the audit log. By default the TCP
// peer (the socket's remote address): a client can write any X-Forwarded-For it likes, so the
// header is only believed for as many hops as BOXED_TRUSTED_PROXY_HOPS says there are proxies of
// our own in front of the web server. Each proxy appends the address it saw to the header, so with
// N trusted hops the client is the N-th address from the right of [...X-Forwarded-For, peer].
//
// Next.js gives route handlers no socket, and it only fills X-Forwarded-For when the client sent
// none. So the web server process (instrumentation.ts) stamps every incoming request, before Next
// sees it, with the address decided here, in CLIENT_ADDRESS_HEADER, overwriting whatever the client
// sent under that name.
import { readSetting } from "@/lib/settings/read-settings";

export const CLIENT_ADDRESS_HEADER = "x-boxed-client-address";

/** When the stamp is missing (a request that reached no stamped server), all such share a key. */
export const UNKNOWN_ADDRESS = "unknown";

export function trustedProxyHops(env: NodeJS.ProcessEnv = process.env): number {
  return readSetting("BOXED_TRUSTED_PROXY_HOPS", env);
}

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) → "10.0.0.1"; bounded in length. */
function normalize(address: string): string {
  const trimmed = address.trim().slice(0, 64);
  return trimmed.toLowerCase().startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

export function clientAddressOf(peer: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const chain = hops > 0 && forwardedFor ? [forwardedFor].flat().join(",").split(",").map((a) => a.trim()).filter(Boolean) : [];
  if (peer) chain.push(peer);
  if (chain.length === 0) return UNKNOWN_ADDRESS;
  return normalize(chain[Math.max(0, chain.length - 1 - hops)]);
}

/** The stamped address of a request's headers (a Headers object or next-auth's plain record). */
export function stampedClientAddress(headers: Headers | Record<string, unknown> | undefined): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers?.[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" && value ? value : UNKNOWN_ADDRESS;
}
