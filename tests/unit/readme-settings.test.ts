// Protects: the hardening settings are in the README's configuration table with the defaults the
// code really uses (the table is what operators read; docs/security.md explains them).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { trustedProxyHops } from "@/lib/auth/client-address";
import { DEFAULT_MAX_FIELD_CHARS, maxFieldChars } from "@/lib/datasets/import/storable-text";
import { repoRoot } from "@/lib/db/boxed-home";

const rows = readFileSync(join(repoRoot, "README.md"), "utf8")
  .split("\n")
  .filter((line) => line.startsWith("| `"));
const defaultOf = (name: string) => rows.find((r) => r.startsWith(`| \`${name}\``))?.split("|")[2]?.trim();

describe("README configuration table", () => {
  it("lists BOXED_TRUSTED_PROXY_HOPS with the default the code uses", () => {
    expect(defaultOf("BOXED_TRUSTED_PROXY_HOPS")).toBe(`\`${trustedProxyHops({} as NodeJS.ProcessEnv)}\``);
  });
  it("lists BOXED_MAX_FIELD_CHARS with the default the code uses", () => {
    expect(maxFieldChars({} as NodeJS.ProcessEnv)).toBe(DEFAULT_MAX_FIELD_CHARS);
    expect(defaultOf("BOXED_MAX_FIELD_CHARS")).toBe(`\`${DEFAULT_MAX_FIELD_CHARS}\``);
  });
});
