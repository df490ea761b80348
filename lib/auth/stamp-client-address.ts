// Installs the client-address stamp (lib/auth/client-address.ts) in this process: every request an
// HTTP server of this process receives gets CLIENT_ADDRESS_HEADER set from its socket (and the
// trusted proxy hops) before any listener, Next.js included, sees it. Called once from
// instrumentation.ts when the web server starts.
import http from "node:http";
import https from "node:https";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, trustedProxyHops } from "@/lib/auth/client-address";

const installed = Symbol.for("boxed.clientAddressStamp");

export function installClientAddressStamp(env: NodeJS.ProcessEnv = process.env): void {
  const hops = trustedProxyHops(env);
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as unknown as Record<symbol, unknown> & { emit: (event: string | symbol, ...args: unknown[]) => boolean };
    if (proto[installed]) continue;
    const emit = proto.emit;
    proto.emit = function stampingEmit(this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const req = args[0] as http.IncomingMessage;
        req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req.socket?.remoteAddress, req.headers["x-forwarded-for"], hops);
      }
      return emit.call(this, event, ...args);
    };
    proto[installed] = true;
  }
}
