// Protects: the database modules are server-only, everywhere they can be reached from.
// - lib/db's clients start with `import "server-only"`, so in Next.js a client component that
//   imports any data file, however indirectly, fails `next build` ("You're importing a component
//   that needs server-only"). This test walks the imports of every "use client" file the way the
//   bundler does (a "use server" file is a boundary: the client gets a reference, not its code)
//   and names the chain to the first server-only module it reaches, so the mistake shows here
//   before a build.
// - Outside Next.js the marker must load as the empty module it is on the server: plain Node
//   refuses it, and bin/server-only-outside-next.mjs (the `boxed` CLI, the worker, benchmarks)
//   makes it load. Checked with real Node processes.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "@/lib/db/boxed-home";

const SERVER_ONLY_ROOTS = ["lib/db/prisma.ts", "lib/db/pool.ts", "lib/db/in-transaction.ts"];

const source = (file: string) => readFileSync(file, "utf8");
const marked = (text: string) => /^import "server-only";$/m.test(text);
const directive = (text: string, name: string) => new RegExp(`^(\\s*//[^\\n]*\\n)*\\s*["']${name}["']`).test(text);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ["node_modules", "generated", ".next"].includes(entry.name) ? [] : filesUnder(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? join(repoRoot, specifier.slice(2)) : specifier.startsWith(".") ? resolve(dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Runtime imports of a file (type-only imports are erased by the compiler and do not count). */
function runtimeImports(file: string): string[] {
  const text = source(file);
  const found: string[] = [];
  const statement = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^"';]*?)\s*(?:from\s+)?["']([^"']+)["']/g;
  for (const match of text.matchAll(statement)) {
    if (match[2]) continue;
    const names = /^\{([^}]*)\}$/.exec(match[3].trim())?.[1];
    if (names?.split(",").every((n) => !n.trim() || n.trim().startsWith("type "))) continue;
    found.push(match[4]);
  }
  for (const match of text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) found.push(match[1]);
  return found.flatMap((specifier) => resolveImport(file, specifier) ?? []);
}

/** The import chain from a client file to the first server-only module, or null. */
function chainToServerOnly(start: string): string[] | null {
  const seen = new Set<string>([start]);
  const queue: string[][] = [[start]];
  while (queue.length) {
    const path = queue.shift() as string[];
    const file = path[path.length - 1];
    const text = source(file);
    if (path.length > 1 && directive(text, "use server")) continue;
    if (marked(text)) return path.map((p) => relative(repoRoot, p));
    for (const next of runtimeImports(file)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([...path, next]);
      }
    }
  }
  return null;
}

const clientFiles = ["app", "components", "lib"].flatMap((dir) => filesUnder(join(repoRoot, dir))).filter((file) => directive(source(file), "use client"));

describe("server-only data modules", () => {
  it("lib/db's clients are marked server-only", () => {
    for (const file of SERVER_ONLY_ROOTS) expect(marked(source(join(repoRoot, file))), file).toBe(true);
  });

  it("no client component reaches one through its imports", () => {
    expect(clientFiles.length).toBeGreaterThan(10);
    const leaks = clientFiles.flatMap((file) => {
      const chain = chainToServerOnly(file);
      return chain ? [chain.join(" → ")] : [];
    });
    expect(leaks).toEqual([]);
  });

  it("the walk finds a leak when there is one (through @/ and relative imports, across files)", () => {
    // A users-page form imports its server actions (a boundary: fine), but the users library
    // itself reaches Prisma: a client file importing it must be caught.
    const usersLibrary = join(repoRoot, "lib/users/update-user.ts");
    expect(chainToServerOnly(usersLibrary)).toEqual(["lib/users/update-user.ts", "lib/db/prisma.ts"]);
    // The actions file's own code does reach it (two hops), which is why it must stay "use server".
    const actions = join(repoRoot, "app/(studio)/settings/users/actions.ts");
    expect(directive(source(actions), "use server")).toBe(true);
    expect(chainToServerOnly(actions)).toEqual(["app/(studio)/settings/users/actions.ts", "lib/users/create-user.ts", "lib/db/prisma.ts"]);
    expect(chainToServerOnly(join(repoRoot, "app/(studio)/settings/users/user-row.tsx"))).toBeNull();
  });
});

describe("the marker outside Next.js", () => {
  const probe = `const m = await import(${JSON.stringify(join(repoRoot, "lib/db/pool.ts"))}); console.log("loaded " + typeof m.pool);`;
  const node = (args: string[]) => spawnSync(process.execPath, [...args, "--input-type=module", "-e", probe], { cwd: repoRoot, encoding: "utf8", timeout: 60_000 });

  it("plain Node refuses a server-only module, as a client bundle would", () => {
    const plain = node(["--import", "tsx"]);
    expect(plain.status).not.toBe(0);
    expect(plain.stderr).toContain("cannot be imported from a Client Component module");
  });

  it("bin/server-only-outside-next.mjs lets the CLI, the worker and scripts load it", () => {
    const mapped = node(["--import", "./bin/server-only-outside-next.mjs", "--import", "tsx"]);
    expect(mapped.stderr).toBe("");
    expect(mapped.stdout.trim()).toBe("loaded function");
    expect(source(join(repoRoot, "bin/boxed.mjs"))).toContain('import "./server-only-outside-next.mjs";');
  });
});
