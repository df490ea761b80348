// Plain HTTP to the studio under test with control over what a browser does not let a test choose:
// the local address the connection comes from (any 127.x.y.z reaches the server, and each is a
// different client address to it), forged headers such as X-Forwarded-For, and raw paths.
import http from "node:http";
import { e2eEnv } from "./e2e-env";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** name=value of every Set-Cookie. */
  cookies: Map<string, string>;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  localAddress?: string;
}

export function rawRequest(request: RawRequest): Promise<RawResponse> {
  const base = new URL(e2eEnv().baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: Number(base.port),
        method: request.method ?? "GET",
        path: request.path,
        localAddress: request.localAddress,
        headers: { host: base.host, ...(request.body !== undefined ? { "content-length": String(Buffer.byteLength(request.body)) } : {}), ...request.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const cookies = new Map<string, string>();
          for (const line of res.headers["set-cookie"] ?? []) {
            const [pair] = line.split(";");
            const at = pair.indexOf("=");
            cookies.set(pair.slice(0, at), pair.slice(at + 1));
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), cookies });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}

/** A loopback address of its own for one test, so its sign-in failures never lock anyone else. */
export function ownLoopbackAddress(): string {
  return `127.${10 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;
}

export interface SignInOutcome {
  /** Where next-auth sends the browser: the callback on success, /api/auth/error?error=… on failure. */
  url: string;
  /** The message shown on the form when it failed, else null. */
  error: string | null;
  /** The session cookie (name=value) on success. */
  sessionCookie: string | null;
}

/** Signs in with a password the way the login form does (next-auth's credentials callback). */
export async function signInOverHttp(
  email: string,
  password: string,
  options: { localAddress?: string; forwardedFor?: string; callbackUrl?: string } = {},
): Promise<SignInOutcome> {
  const extra: Record<string, string> = options.forwardedFor ? { "x-forwarded-for": options.forwardedFor } : {};
  const csrf = await rawRequest({ path: "/api/auth/csrf", headers: extra, localAddress: options.localAddress });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = [...csrf.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const form = new URLSearchParams({ csrfToken, email, password, json: "true", ...(options.callbackUrl !== undefined ? { callbackUrl: options.callbackUrl } : {}) });
  const response = await rawRequest({
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: { ...extra, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    localAddress: options.localAddress,
  });
  let url = "";
  try {
    url = (JSON.parse(response.body) as { url: string }).url;
  } catch {
    url = `(status ${response.status}) ${response.body.slice(0, 300)}`;
  }
  const error = url.includes("/api/auth/error") ? new URL(url).searchParams.get("error") : null;
  const token = [...response.cookies].find(([name, value]) => name.endsWith("next-auth.session-token") && value);
  return { url, error: error ?? (url.startsWith("(status") ? url : null), sessionCookie: token ? `${token[0]}=${token[1]}` : null };
}
