// Protects: no circle of runtime imports among the product's source files (lib/, app/,
// components/). A circle makes load order decide what a module sees (an import that is still
// undefined), and it is how "everything imports everything" starts: the job registry once
// imported every job, and every job that sends a job imported the registry through enqueue.
// Type-only imports (`import type`, `export type`, `{ type A }` alone) are erased and do not
// count; a dynamic `import()` does, so a circle cannot be hidden behind a lazy import.
// The walker reads imports with regular expressions; its own behaviour is tested first below.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "@/lib/db/boxed-home";

const ROOTS = ["lib", "app", "components"];
/** Generated code (the Prisma client) is not ours to arrange. */
const SKIP = [/^lib\/db\/generated\//, /\.test\.tsx?$/, /\.d\.ts$/];
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

/** The module specifiers a source imports at runtime. */
function runtimeImports(source: string): string[] {
  const code = stripComments(source);
  const found: string[] = [];
  const statement = /^\s*(import|export)\s+([^;]*?)\s*from\s*["']([^"']+)["']/gm;
  for (const match of code.matchAll(statement)) {
    const [, , clause, specifier] = match;
    if (/^type\b/.test(clause)) continue;
    const braces = /^\{([\s\S]*)\}$/.exec(clause.trim());
    if (braces) {
      const names = braces[1].split(",").map((n) => n.trim()).filter(Boolean);
      if (names.length > 0 && names.every((n) => /^type\s/.test(n))) continue;
    }
    found.push(specifier);
  }
  for (const match of code.matchAll(/^\s*import\s*["']([^"']+)["']/gm)) found.push(match[1]);
  for (const match of code.matchAll(/(?<![\w.])import\(\s*["']([^"']+)["']\s*\)/g)) found.push(match[1]);
  return found;
}

/** Every circle (strongly connected group of two or more files, or a file importing itself). */
function importCircles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) as number, low.get(next) as number));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file) as number, index.get(next) as number));
    }
    if (low.get(file) === index.get(file)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        group.push(member);
      } while (member !== file);
      if (group.length > 1 || (graph.get(file) ?? []).includes(file)) circles.push(group.sort());
    }
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return circles;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(repoRoot, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name) && !SKIP.some((re) => re.test(path))) out.push(path);
  }
  return out;
}

function resolve(from: string, specifier: string, files: Set<string>): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = relative(repoRoot, join(repoRoot, dirname(from), specifier));
  else return null;
  if (files.has(base)) return base;
  for (const ext of EXTENSIONS) if (files.has(base + ext)) return base + ext;
  return null;
}

function productGraph(): Map<string, string[]> {
  const files = ROOTS.flatMap(sourceFiles);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = runtimeImports(readFileSync(join(repoRoot, file), "utf8"))
      .map((specifier) => resolve(file, specifier, known))
      .filter((target): target is string => target !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

describe("the import walker", () => {
  it("reads runtime imports and leaves type-only ones out", () => {
    const source = [
      `import { a } from "@/lib/a";`,
      `import type { B } from "@/lib/b";`,
      `import { type C, type D } from "@/lib/c";`,
      `import { type E, e } from "@/lib/e";`,
      `import f, { g } from "./f";`,
      `export { h } from "@/lib/h";`,
      `export type { I } from "@/lib/i";`,
      `import "@/lib/side-effect";`,
      `// import { j } from "@/lib/commented";`,
      `const k = await import("@/lib/lazy");`,
      `import {\n  l,\n  m,\n} from "@/lib/multi";`,
    ].join("\n");
    expect(runtimeImports(source).sort()).toEqual(["./f", "@/lib/a", "@/lib/e", "@/lib/h", "@/lib/lazy", "@/lib/multi", "@/lib/side-effect"].sort());
  });

  it("finds a circle, however long, and no circle in a tree", () => {
    const circle = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a", "d"]],
      ["d", []],
      ["e", ["e"]],
    ]);
    expect(importCircles(circle)).toEqual([["a", "b", "c"], ["e"]]);
    expect(importCircles(new Map([["a", ["b", "c"]], ["b", ["c"]], ["c", []]]))).toEqual([]);
  });
});

describe("the product's imports", () => {
  it("read every source file", () => {
    const graph = productGraph();
    expect(graph.size).toBeGreaterThan(300);
    // The walker resolves "@/..." imports: the worker reaches the job registry.
    expect(graph.get("lib/jobs/run-worker.ts")).toContain("lib/jobs/job-registry.ts");
  });

  it("form no circle of runtime imports", () => {
    const circles = importCircles(productGraph());
    expect(circles.map((files) => files.join(" -> ")), "import circles (files that import each other at runtime)").toEqual([]);
  });

  it("leave the job registry to the worker: no sender of jobs imports the handlers", () => {
    const importers = [...productGraph()].filter(([, targets]) => targets.includes("lib/jobs/job-registry.ts")).map(([file]) => file);
    expect(importers).toEqual(["lib/jobs/run-worker.ts"]);
  });
});
