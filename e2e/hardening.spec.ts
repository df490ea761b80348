// Protects the studio against the attacks of issue #18, over real HTTP on the real server: the
// sign-in throttle under parallel requests and forged X-Forwarded-For, open redirects after sign-in,
// sessions past their absolute limit or revoked, oversized sign-in fields, hostile values in every
// page's and route's address (no 5xx, ever), and a problem with links rendering without a React
// hydration error.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { HOSTILE_CALLBACKS } from "../lib/auth/hostile-callbacks";
import { e2eEnv } from "./support/e2e-env";
import { ownLoopbackAddress, rawRequest, signInOverHttp } from "./support/raw-http";
import { E2E_PASSWORD, emailFor, storageStateFor } from "./support/roles";
import { runCli } from "./support/run-cli";
import { signInThroughForm } from "./support/sign-in-form";
import { sql } from "./support/sql";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");
const WRONG = "Wrong email or password.";
const LOCKED = /^Too many failed sign-ins\. Try again in \d+ minute/;

function addUser(email: string, role = "viewer") {
  const result = runCli(["user", "add", "--email", email, "--role", role], `${E2E_PASSWORD}\n`);
  expect(result.status, result.stderr).toBe(0);
}

test.describe("the sign-in throttle", () => {
  test("40 parallel wrong passwords: exactly 5 are checked, the rest and then the right password are refused", async () => {
    const email = `parallel-${Date.now()}@e2e.test`;
    addUser(email);
    const localAddress = ownLoopbackAddress();
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => signInOverHttp(email, `wrong-password-${i}`, { localAddress })));
    const errors = outcomes.map((o) => o.error ?? "(signed in)");
    expect(errors.filter((e) => e === WRONG), errors.join("\n")).toHaveLength(5);
    expect(errors.filter((e) => LOCKED.test(e))).toHaveLength(35);
    const right = await signInOverHttp(email, E2E_PASSWORD, { localAddress });
    expect(right.error).toMatch(LOCKED);
    expect(right.sessionCookie).toBeNull();
    // Only checked attempts are failures in the audit log.
    const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.sign_in_failed' AND details->>'email' = $1`, [email]);
    expect(n).toBe(5);
  });

  test("a different forged X-Forwarded-For on every attempt still counts against the socket's address", async () => {
    const localAddress = ownLoopbackAddress();
    const stamp = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: 25 }, (_, i) => signInOverHttp(`nobody-${stamp}-${i}@e2e.test`, "wrong-password", { localAddress, forwardedFor: `203.0.113.${i + 1}, 198.51.100.${i + 1}` })),
    );
    const errors = outcomes.map((o) => o.error ?? "(signed in)");
    expect(errors.filter((e) => e === WRONG), errors.join("\n")).toHaveLength(20);
    expect(errors.filter((e) => LOCKED.test(e))).toHaveLength(5);
    expect(await sql(`SELECT key, failures FROM sign_in_throttle WHERE key = $1`, [`ip:${localAddress}`])).toEqual([{ key: `ip:${localAddress}`, failures: 20 }]);
    expect(await sql(`SELECT key FROM sign_in_throttle WHERE key LIKE 'ip:203.0.113.%' OR key LIKE 'ip:198.51.100.%'`)).toEqual([]);
    // The audit entries name the real client address, not the forged one.
    const ips = await sql<{ ip: string }>(`SELECT DISTINCT ip FROM audit_log WHERE action = 'auth.sign_in_failed' AND details->>'email' LIKE $1`, [`nobody-${stamp}-%`]);
    expect(ips).toEqual([{ ip: localAddress }]);
  });

  test("an oversized email or password gets the form's message, never a database error, and nothing long is stored", async () => {
    const localAddress = ownLoopbackAddress();
    for (const [email, password] of [
      [`${"a".repeat(1_000_000)}@e2e.test`, "whatever-password"],
      [`${"b".repeat(100_000)}@e2e.test`, "whatever-password"],
      [emailFor("viewer"), "p".repeat(2_000_000)],
    ]) {
      const outcome = await signInOverHttp(email, password, { localAddress });
      expect(outcome.error).toBe(WRONG);
    }
    const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE length(details::text) > 2000`);
    expect(n).toBe(0);
  });
});

// The hostile callbackUrl texts (lib/auth/hostile-callbacks.ts) plus one naming this test's origin.
const HOSTILE_TEXTS = [...HOSTILE_CALLBACKS, "http://localhost@evil.example/"];
// What an attacker puts after ?callbackUrl=, as sent: each text with only what a URL cannot hold
// escaped (slashes, colons and @ left bare), and a few wholly escaped (%2F%2F, %3A).
const WHOLLY_ESCAPED = ["/\t/evil.example", "//evil.example", "JaVaScRiPt:alert(1)"];
const HOSTILE_QUERIES = [...HOSTILE_TEXTS.map(encodeURI), ...WHOLLY_ESCAPED.map(encodeURIComponent)];

test.describe("after sign-in", () => {
  test("next-auth's own callbackUrl only ever sends to this site", async () => {
    const origin = new URL(e2eEnv().baseUrl).origin;
    const localAddress = ownLoopbackAddress();
    for (const raw of HOSTILE_TEXTS) {
      const outcome = await signInOverHttp(emailFor("viewer"), E2E_PASSWORD, { localAddress, callbackUrl: raw });
      expect(outcome.sessionCookie, raw).not.toBeNull();
      expect(new URL(outcome.url).origin, `${raw} → ${outcome.url}`).toBe(origin);
    }
    const kept = await signInOverHttp(emailFor("viewer"), E2E_PASSWORD, { localAddress, callbackUrl: "/batches?x=1#top" });
    expect(kept.url).toBe(`${origin}/batches?x=1#top`);
  });

  test("the sign-in page sends a signed-in user only to a path of this site", async ({ page, context }) => {
    test.slow(); // one sign-in per hostile form
    const origin = new URL(e2eEnv().baseUrl).origin;
    const visited: string[] = [];
    page.on("request", (r) => visited.push(r.url()));
    for (const raw of [...HOSTILE_QUERIES, "/batches"]) {
      await context.clearCookies();
      await signInThroughForm(page, emailFor("viewer"), E2E_PASSWORD, `/login?callbackUrl=${raw}`);
      expect(new URL(page.url()).origin, `${raw} → ${page.url()}`).toBe(origin);
      if (raw === "/batches") expect(new URL(page.url()).pathname).toBe("/batches");
    }
    expect(visited.filter((u) => u.includes("evil.example") && !u.startsWith(origin))).toEqual([]);
  });
});

test.describe("sessions", () => {
  const secret = () => readFileSync(join(e2eEnv().boxedHome, "nextauth-secret"), "utf8").trim();
  const session = (cookie: string) => rawRequest({ path: "/api/auth/session", headers: { cookie } });

  test("a token signed in more than 8 hours ago gets nothing, however recently it was renewed", async () => {
    const email = `aged-${Date.now()}@e2e.test`;
    addUser(email);
    const signedIn = await signInOverHttp(email, E2E_PASSWORD, { localAddress: ownLoopbackAddress() });
    expect(signedIn.sessionCookie).not.toBeNull();
    const [name, value] = (signedIn.sessionCookie as string).split("=");
    expect(JSON.parse((await session(`${name}=${value}`)).body)).toMatchObject({ user: { email } });
    // The same claims, signed in 8 hours and a minute ago, with a fresh expiry: what a copied cookie
    // kept alive by polling /api/auth/session used to be.
    const claims = await decode({ token: value, secret: secret() });
    const aged = await encode({ token: { ...claims, signedInAt: Math.floor(Date.now() / 1000) - 8 * 3600 - 60 }, secret: secret(), maxAge: 8 * 3600 });
    const answer = await session(`${name}=${aged}`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({});
    expect(answer.cookies.get(name)).toBe("");
    const page = await rawRequest({ path: "/", headers: { cookie: `${name}=${aged}` } });
    expect(page.status).toBe(307);
    expect(page.headers.location).toMatch(/\/login/);
  });

  test("a revoked session (password reset) gets nothing from /api/auth/session", async () => {
    const email = `revoked-${Date.now()}@e2e.test`;
    addUser(email);
    const signedIn = await signInOverHttp(email, E2E_PASSWORD, { localAddress: ownLoopbackAddress() });
    const cookie = signedIn.sessionCookie as string;
    expect(JSON.parse((await session(cookie)).body)).toMatchObject({ user: { email } });
    expect(runCli(["user", "reset-password", "--email", email], "another-password-123\n").status).toBe(0);
    expect(JSON.parse((await session(cookie)).body)).toEqual({});
  });
});

/** Files named `name` under app/, relative to the checkout. */
function appFiles(name: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry === name) found.push(relative(root, path));
    }
  };
  walk(join(root, "app"));
  return found.sort();
}

/** The address of a page or route file, each [segment] filled with `value` (already encoded). */
function addressOf(file: string, value: string): string {
  const path = file
    .replace(/^app/, "")
    .replace(/\/(page\.tsx|route\.ts)$/, "")
    .replace(/\/\([^)]+\)/g, "")
    .replace(/\[\.\.\.[^\]]+\]|\[[^\]]+\]/g, value);
  return path === "" ? "/" : path;
}

// Values that once gave 500s, and their relatives: ids past PostgreSQL's integer, numbers
// JavaScript reads but SQL does not, impossible dates, NUL bytes, and text of every awkward kind.
const HOSTILE_VALUES = [
  "99999999999",
  "2147483648",
  "-1",
  "0",
  "1e308",
  "-1e308",
  "1.5",
  "NaN",
  "Infinity",
  "0x10",
  "abc",
  "0000-01-01",
  "2026-02-30",
  "9999-12-31T99%3A99%3A99.999~1",
  "a%00b",
  "%00",
  "%C0%80",
  "%E2%80%AE",
  "%FF%FE",
  "'%20OR%201%3D1--",
  "..%2F..%2Fetc%2Fpasswd",
  "9".repeat(400),
  "x".repeat(3000),
];

// Every query parameter a page or route of the studio reads (app/**, lib/**/parse*, solution view).
const QUERY_NAMES = [
  "set", "source", "batch", "model", "verdict", "contam", "review", "pq", "sq", "answer", "problem", "sort", "cols", "len", "tok", "agree",
  "after", "before", "user", "action", "object", "from", "to", "class", "notice", "status", "pair", "benchmarkSet", "benchmark", "format",
  "threshold", "maxRows", "maxProblemTokens", "minSolutionChars", "maxSolutionTokens", "correctOnly", "name", "mapping", "role", "callbackUrl", "error",
];

test.describe("hostile addresses", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("no page or route answers any hostile value in a path segment or a query parameter with a 5xx", async ({ request }) => {
    test.setTimeout(600_000);
    const files = [...appFiles("page.tsx"), ...appFiles("route.ts")];
    expect(files.length).toBeGreaterThan(20);
    const requests: { method: "GET" | "POST"; path: string }[] = [];
    for (const file of files) {
      const source = readFileSync(join(root, file), "utf8");
      const methods = file.endsWith("route.ts") ? (["GET", "POST"] as const).filter((m) => source.includes(m)) : (["GET"] as const);
      const base = addressOf(file, "1");
      for (const method of methods) {
        for (const value of HOSTILE_VALUES) {
          // The value in every dynamic segment, and the value in every query parameter at once.
          if (file.includes("[")) requests.push({ method, path: addressOf(file, value) });
          requests.push({ method, path: `${base}?${QUERY_NAMES.map((n) => `${n}=${value}`).join("&")}` });
        }
        // Each parameter on its own too: one parameter refused early must not hide another's 500.
        for (const name of QUERY_NAMES) for (const value of ["99999999999", "1e308", "0000-01-01"]) requests.push({ method, path: `${base}?${name}=${value}` });
      }
    }
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const { method, path } = requests[next++];
        const response = method === "GET" ? await request.get(path, { maxRedirects: 0 }) : await request.post(path, { maxRedirects: 0, data: "" });
        if (response.status() >= 500) failures.push(`${method} ${path.slice(0, 200)} → ${response.status()}`);
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    console.log(`hostile walk: ${requests.length} requests over ${files.length} pages and routes`);
    expect(failures).toEqual([]);
  });
});

test.describe("links in problems", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("a problem with a markdown link and an autolink renders on /solutions without a hydration error", async ({ page }) => {
    const dir = mkdtempSync(join(tmpdir(), "boxed-links-"));
    const file = join(dir, "links.jsonl");
    const texts = [
      "See [the statement](https://example.org/problem) and compute $2+2$.",
      "Source: <https://example.org/source>. What is $3 \\cdot 3$?",
      "Mixed: [a](/relative) then <mailto:someone@example.org> and **bold [link](http://x.example)**.",
    ];
    writeFileSync(file, `${texts.map((problem, i) => JSON.stringify({ problem, generated_solution: `So \\boxed{${i + 4}}.`, expected_answer: String(i + 4), problem_source: "links" })).join("\n")}\n`);
    const set = `e2e-links-${Date.now()}`;
    const imported = runCli(["import", "--set", set, "--role", "synthetic", file]);
    expect(imported.status, imported.stderr).toBe(0);
    const problems = await sql<{ id: number }>(`SELECT p.id FROM problems p JOIN problem_sets s ON s.id = p.set_id WHERE s.name = $1 ORDER BY p.id`, [set]);
    expect(problems).toHaveLength(3);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    for (const { id } of problems) {
      await page.goto(`/solutions?problem=${id}`);
      await expect(page.getByRole("link", { name: /solution #\d+/ }).first()).toBeVisible();
      await expect(page.getByText(/the statement|example\.org\/source|then/).first()).toBeVisible();
      // Hydration has run once the table answers a click (the row checkbox is React's).
      await page.getByRole("checkbox", { name: /Select solution/ }).first().check();
      await expect(page.getByRole("checkbox", { name: /Select solution/ }).first()).toBeChecked();
      // The preview is inside the row's own link, so the problem's links show as their text only.
      await expect(page.locator("table a a")).toHaveCount(0);
      await page.goto(`/problems/${id}`);
      await expect(page.locator(".math-prose a[href^='https://example.org'], .math-prose a[href^='http://x.example'], .math-prose a[href='/relative'], .math-prose a[href^='mailto:']").first()).toBeVisible();
    }
    expect(errors.filter((e) => /418|hydrat/i.test(e))).toEqual([]);
  });
});

test.describe("long texts", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("a page shows the beginning of a long problem and solution, and downloads the whole", async ({ page, request }) => {
    const dir = mkdtempSync(join(tmpdir(), "boxed-long-"));
    const file = join(dir, "long.jsonl");
    const problem = `${"Une très longue énoncé — 数学 \\(x^2\\).\n".repeat(1_500)}THE-END`;
    const solution = `${"Step: \\frac{1}{2}.\n".repeat(2_000)}\\boxed{5}`;
    writeFileSync(file, `${JSON.stringify({ problem, generated_solution: solution, expected_answer: "5", problem_source: "long" })}\n`);
    const set = `e2e-long-${Date.now()}`;
    const imported = runCli(["import", "--set", set, "--role", "synthetic", file]);
    expect(imported.status, imported.stderr).toBe(0);
    const [row] = await sql<{ id: number; problem_id: number }>(`SELECT s.id, s.problem_id FROM samples s JOIN problem_sets p ON p.id = s.set_id WHERE p.name = $1`, [set]);
    await page.goto(`/samples/${row.id}`);
    await expect(page.getByRole("note").filter({ hasText: "Showing the first 20,000 characters of this problem" })).toBeVisible();
    await expect(page.getByRole("note").filter({ hasText: "Showing the first 20,000 characters of this solution" })).toBeVisible();
    await expect(page.getByText("THE-END")).toHaveCount(0);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole("note").filter({ hasText: "of this solution" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath("long-solution-notice.png") });
    const download = await request.get(`/api/problems/${row.problem_id}/text`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toContain(`problem-${row.problem_id}.txt`);
    expect(await download.text()).toBe(problem);
    expect(await (await request.get(`/api/samples/${row.id}/text`)).text()).toBe(solution);
    await page.goto(`/problems/${row.problem_id}`);
    await expect(page.getByRole("link", { name: "Download the whole problem" })).toHaveAttribute("href", `/api/problems/${row.problem_id}/text`);
  });
});

test.describe("content security policy", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("pages run only scripts carrying this response's nonce (no 'unsafe-inline'), and the app still works", async ({ page, request }) => {
    const nonces: string[] = [];
    for (const path of ["/login", "/", "/solutions"]) {
      const response = await request.get(path);
      const policy = response.headers()["content-security-policy"] ?? "";
      const scriptSrc = policy.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
      expect(scriptSrc, path).not.toContain("unsafe-inline");
      expect(policy, path).toContain("frame-ancestors 'none'");
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
      expect(nonce, `${path}: ${policy}`).toBeTruthy();
      nonces.push(nonce as string);
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) refused.push(message.text());
    });
    await page.goto("/solutions");
    await page.getByRole("checkbox", { name: /Select solution/ }).first().check();
    await expect(page.getByRole("checkbox", { name: /Select solution/ }).first()).toBeChecked();
    await page.getByRole("link", { name: "Dashboard" }).first().click();
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    expect(refused).toEqual([]);
  });
});
