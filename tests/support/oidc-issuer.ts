// A tiny OpenID Connect issuer on 127.0.0.1 for tests: discovery document, JWKS with an RS256 key
// made by node:crypto, an authorize endpoint that signs in whoever `signInAs` names (no login
// form) and redirects back with a code, and a token endpoint that checks the client secret and
// PKCE and returns a signed id_token. Enough for next-auth's real OIDC code path.
import { createHash, createSign, generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface OidcPerson {
  sub: string;
  email: string;
  name?: string;
}

export interface OidcIssuer {
  url: string;
  clientId: string;
  clientSecret: string;
  /** Who the next authorization signs in. */
  signInAs(person: OidcPerson): void;
  /** Requests seen, for assertions ("/authorize", "/token", ...). */
  requests: string[];
  close(): Promise<void>;
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

async function readBody(request: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of request) text += chunk.toString();
  return text;
}

export async function startOidcIssuer(options: { clientId?: string; clientSecret?: string } = {}): Promise<OidcIssuer> {
  const clientId = options.clientId ?? "boxed-test";
  const clientSecret = options.clientSecret ?? randomBytes(16).toString("hex");
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomBytes(8).toString("hex");
  const jwk = { ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
  const codes = new Map<string, { person: OidcPerson; redirectUri: string; challenge: string | null; nonce: string | null }>();
  const requests: string[] = [];
  let person: OidcPerson | null = null;
  let url = "";

  const signJwt = (claims: Record<string, unknown>) => {
    const head = base64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));
    const body = base64url(JSON.stringify(claims));
    const signature = createSign("RSA-SHA256").update(`${head}.${body}`).sign(privateKey);
    return `${head}.${body}.${base64url(signature)}`;
  };

  const server: Server = createServer(async (request, response) => {
    const here = new URL(request.url ?? "/", url);
    requests.push(here.pathname);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (here.pathname === "/.well-known/openid-configuration") {
      return json(200, {
        issuer: url,
        authorization_endpoint: `${url}/authorize`,
        token_endpoint: `${url}/token`,
        jwks_uri: `${url}/jwks`,
        userinfo_endpoint: `${url}/userinfo`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
        scopes_supported: ["openid", "email", "profile"],
      });
    }
    if (here.pathname === "/jwks") return json(200, { keys: [jwk] });
    if (here.pathname === "/authorize") {
      const redirectUri = here.searchParams.get("redirect_uri");
      if (here.searchParams.get("client_id") !== clientId || !redirectUri) return json(400, { error: "invalid_client" });
      if (!person) return json(400, { error: "login_required", error_description: "the test did not say who signs in" });
      const code = randomBytes(16).toString("hex");
      codes.set(code, { person, redirectUri, challenge: here.searchParams.get("code_challenge"), nonce: here.searchParams.get("nonce") });
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      const state = here.searchParams.get("state");
      if (state) back.searchParams.set("state", state);
      response.writeHead(302, { location: back.toString() });
      return response.end();
    }
    if (here.pathname === "/token" && request.method === "POST") {
      const form = new URLSearchParams(await readBody(request));
      const basic = request.headers.authorization?.startsWith("Basic ")
        ? Buffer.from(request.headers.authorization.slice(6), "base64").toString().split(":").map(decodeURIComponent)
        : [form.get("client_id"), form.get("client_secret")];
      if (basic[0] !== clientId || basic[1] !== clientSecret) return json(401, { error: "invalid_client" });
      const grant = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? "");
      if (!grant || grant.redirectUri !== form.get("redirect_uri")) return json(400, { error: "invalid_grant" });
      if (grant.challenge) {
        const verifier = form.get("code_verifier") ?? "";
        if (base64url(createHash("sha256").update(verifier).digest()) !== grant.challenge) return json(400, { error: "invalid_grant", error_description: "PKCE" });
      }
      const now = Math.floor(Date.now() / 1000);
      const idToken = signJwt({
        iss: url,
        aud: clientId,
        sub: grant.person.sub,
        email: grant.person.email,
        email_verified: true,
        name: grant.person.name ?? grant.person.email,
        iat: now,
        exp: now + 300,
        ...(grant.nonce ? { nonce: grant.nonce } : {}),
      });
      return json(200, { access_token: randomBytes(16).toString("hex"), token_type: "Bearer", expires_in: 300, id_token: idToken, scope: "openid email profile" });
    }
    if (here.pathname === "/userinfo") return person ? json(200, { sub: person.sub, email: person.email, name: person.name }) : json(401, {});
    json(404, { error: "not found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    clientId,
    clientSecret,
    signInAs(next) {
      person = next;
    },
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
