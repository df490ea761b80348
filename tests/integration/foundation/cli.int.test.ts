// Protects: the `boxed` CLI as a user runs it (a real child process): help, user management with
// the password from stdin, and one-line messages with the fix for the usual faults.
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "@/lib/db/boxed-home";
import { pool } from "@/lib/db/pool";

function boxed(args: string[], options: { env?: Record<string, string>; input?: string } = {}) {
  const result = spawnSync(process.execPath, [join(repoRoot, "bin", "boxed.mjs"), ...args], {
    encoding: "utf8",
    input: options.input ?? "",
    env: { ...process.env, ...options.env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const looksLikeStack = /\n\s+at .+\(.+:\d+:\d+\)/;

describe("boxed CLI", () => {
  it("lists its commands", () => {
    const help = boxed(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["start", "worker", "db start", "db stop", "db status", "db migrate", "user add"]) expect(help.stdout).toContain(command);
    const unknown = boxed(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it("adds a user with the password from stdin and never prints it", async () => {
    const added = boxed(["user", "add", "--email", "Cli.User@Example.org", "--role", "reviewer"], { input: "piped-password-1\n" });
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    expect(added.stdout).toContain("created reviewer cli.user@example.org");
    expect(added.stdout).not.toContain("piped-password-1");
    const { rows } = await pool().query(`SELECT role, password_hash FROM users WHERE email = 'cli.user@example.org'`);
    expect(rows[0].role).toBe("reviewer");
    expect(rows[0].password_hash).toMatch(/^scrypt\$/);
    const list = boxed(["user", "list", "--json"]);
    expect(JSON.parse(list.stdout).map((u: { email: string }) => u.email)).toContain("cli.user@example.org");
    const duplicate = boxed(["user", "add", "--email", "cli.user@example.org", "--role", "viewer"], { input: "another-pass-1\n" });
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr.trim()).toBe("boxed user add: A user with the email cli.user@example.org already exists.");
    const badRole = boxed(["user", "add", "--email", "x@example.org", "--role", "owner"]);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain("--role must be admin, curator, reviewer or viewer (got owner)");
  });

  it("reports the database state", () => {
    const status = boxed(["db", "status", "--json"]);
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.stdout);
    expect(parsed.running).toBe(true);
    expect(parsed.pending).toEqual([]);
    expect(parsed.database).not.toContain(new URL(process.env.DATABASE_URL as string).password);
  });

  it("explains an unreachable DATABASE_URL and a wrong password in one line", () => {
    const unreachable = boxed(["user", "list"], { env: { DATABASE_URL: "postgresql://boxed:secret@127.0.0.1:1/boxed" } });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr.trim().split("\n")).toHaveLength(1);
    expect(unreachable.stderr).toContain("Cannot reach PostgreSQL at postgresql://boxed:***@127.0.0.1:1/boxed (ECONNREFUSED)");
    expect(unreachable.stderr).not.toContain("secret");
    expect(unreachable.stderr).not.toMatch(looksLikeStack);

    const url = new URL(process.env.DATABASE_URL as string);
    url.password = "definitely-wrong";
    const wrong = boxed(["user", "list"], { env: { DATABASE_URL: url.toString() } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("refused the credentials");
    expect(wrong.stderr).toContain("fix the user or password in DATABASE_URL");
    expect(wrong.stderr).not.toMatch(looksLikeStack);
  });

  it("refuses to start on a taken port, naming the fix, before starting anything", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [join(repoRoot, "bin", "boxed.mjs"), "start"], { env: { ...process.env, PORT: String(port) } });
        let stderr = "";
        child.stderr.on("data", (d) => {
          stderr += d;
        });
        child.on("exit", (code) => resolve({ code, stderr }));
      });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`boxed start: Port ${port} is already in use by another program. — stop it, or start Boxed on another port: PORT=${port + 1} npm start`);
    } finally {
      server.close();
    }
  });
});
