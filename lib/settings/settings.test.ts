// Protects: the settings have one home. The README's configuration table is the one generated from
// the schema (regenerate with `node --import tsx scripts/settings-table.ts`); every variable keeps
// its default; a bad value is refused with the variable, the value and what it must be; and no
// other file of the product (lib/, app/, components/, the root's instrumentation and proxy) reads
// these variables from the environment by itself.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "@/lib/db/boxed-home";
import { checkSettings, readSetting, SettingError, settingProblems } from "@/lib/settings/read-settings";
import { SETTINGS, type SettingName } from "@/lib/settings/settings-schema";
import { renderSettingsTable, withSettingsTable } from "@/lib/settings/settings-table";

const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
const names = Object.keys(SETTINGS) as SettingName[];

describe("the README's configuration table", () => {
  it("is the table generated from the schema", () => {
    expect(readme).toBe(withSettingsTable(readme));
    expect(readme).toContain(renderSettingsTable());
  });
  it("names every setting once", () => {
    const table = renderSettingsTable();
    for (const name of names) expect(table.split(`\`${name}\``).length - 1, name).toBe(1);
  });
  it("refuses a document without the markers", () => {
    expect(() => withSettingsTable("# Boxed\n")).toThrow(/markers/);
  });
});

describe("readSetting", () => {
  it("gives each documented default when the variable is unset or blank", () => {
    const defaults: Partial<Record<SettingName, unknown>> = {
      PORT: 3000,
      BOXED_ADMIN_EMAIL: "admin@boxed.local",
      BOXED_DEMO: "1",
      BOXED_TRUSTED_PROXY_HOPS: 0,
      BOXED_MAX_FIELD_CHARS: 200_000,
      BOXED_DB_POOL_SIZE: 10,
      BOXED_JOB_HEARTBEAT_SECONDS: 60,
      BOXED_JOB_SUPERVISE_SECONDS: 15,
      BOXED_WORKER_CONCURRENCY: 256,
      BOXED_BATCH_LEASE_MS: 30_000,
      BOXED_BATCH_MAX_ATTEMPTS: 8,
      BOXED_BATCH_SLICE_MS: 600_000,
      BOXED_BATCH_FLUSH_SIZE: 50,
      BOXED_BATCH_FLUSH_MS: 200,
      BOXED_BATCH_BACKOFF_MS: 500,
      BOXED_BATCH_BACKOFF_MAX_MS: 30_000,
    };
    for (const name of names) {
      expect(readSetting(name, {}), name).toBe(defaults[name]);
      expect(readSetting(name, { [name]: "   " }), name).toBe(defaults[name]);
      // A number shown as the README's default is the value the code uses.
      const shown = /^`(\d+)`$/.exec(SETTINGS[name].shown)?.[1];
      if (shown) expect(String(readSetting(name, {})), name).toBe(shown);
    }
  });

  it("parses good values", () => {
    expect(readSetting("PORT", { PORT: " 8080 " })).toBe(8080);
    expect(readSetting("BOXED_DB_POOL_SIZE", { BOXED_DB_POOL_SIZE: "25" })).toBe(25);
    expect(readSetting("BOXED_JOB_HEARTBEAT_SECONDS", { BOXED_JOB_HEARTBEAT_SECONDS: "12.6" })).toBe(13);
    expect(readSetting("BOXED_BATCH_FLUSH_MS", { BOXED_BATCH_FLUSH_MS: "0.5" })).toBe(0.5);
    expect(readSetting("DATABASE_URL", { DATABASE_URL: "postgres://u:p@db:5432/boxed" })).toBe("postgres://u:p@db:5432/boxed");
    expect(readSetting("NEXTAUTH_URL", { NEXTAUTH_URL: "https://boxed.example.org" })).toBe("https://boxed.example.org");
    expect(readSetting("BOXED_ADMIN_EMAIL", { BOXED_ADMIN_EMAIL: "ops@boxed" })).toBe("ops@boxed");
  });

  it("refuses a bad value, naming the variable, the value and what it must be", () => {
    const cases: [SettingName, string, RegExp][] = [
      ["PORT", "http", /^PORT must be a number from 1 to 65535, not "http"$/],
      ["PORT", "70000", /^PORT must be a number from 1 to 65535, not "70000"$/],
      ["BOXED_DB_POOL_SIZE", "0", /^BOXED_DB_POOL_SIZE must be a whole number from 1 to 1000, not "0"$/],
      ["BOXED_DB_POOL_SIZE", "ten", /^BOXED_DB_POOL_SIZE must be a whole number from 1 to 1000, not "ten"$/],
      ["BOXED_JOB_HEARTBEAT_SECONDS", "5", /^BOXED_JOB_HEARTBEAT_SECONDS must be a number of seconds, at least 10, not "5"$/],
      ["BOXED_BATCH_LEASE_MS", "-1", /^BOXED_BATCH_LEASE_MS must be a positive number of milliseconds, not "-1"$/],
      ["BOXED_WORKER_CONCURRENCY", "Infinity", /^BOXED_WORKER_CONCURRENCY must be a positive number, not "Infinity"$/],
      ["BOXED_DEMO", "no", /^BOXED_DEMO must be 0 or 1, not "no"$/],
      ["DATABASE_URL", "mysql://db/boxed", /^DATABASE_URL must be a PostgreSQL connection URL .*, not "mysql:\/\/db\/boxed"$/],
      ["NEXTAUTH_URL", "boxed.example.org", /^NEXTAUTH_URL must be a URL such as https:\/\/boxed.example.org, not "boxed.example.org"$/],
      ["BOXED_ADMIN_EMAIL", "admin", /^BOXED_ADMIN_EMAIL must be an email address, not "admin"$/],
      ["BOXED_ADMIN_PASSWORD", "short", /^BOXED_ADMIN_PASSWORD must be a password of at least 10 characters, not "short"$/],
      ["BOXED_MAX_FIELD_CHARS", "999", /^BOXED_MAX_FIELD_CHARS must be a whole number of characters, at least 1000, not "999"$/],
    ];
    for (const [name, value, message] of cases) {
      expect(() => readSetting(name, { [name]: value }), `${name}=${value}`).toThrow(message);
      expect(() => readSetting(name, { [name]: value })).toThrow(SettingError);
    }
  });
});

describe("checkSettings", () => {
  it("lists every bad variable at once, and passes a good environment", () => {
    expect(settingProblems({ PORT: "3001", BOXED_DB_POOL_SIZE: "4" })).toEqual([]);
    expect(() => checkSettings({})).not.toThrow();
    const bad = { PORT: "x", BOXED_DB_POOL_SIZE: "-3", BOXED_DEMO: "yes" };
    expect(settingProblems(bad)).toEqual([
      'PORT must be a number from 1 to 65535, not "x"',
      'BOXED_DEMO must be 0 or 1, not "yes"',
      'BOXED_DB_POOL_SIZE must be a whole number from 1 to 1000, not "-3"',
    ]);
    expect(() => checkSettings(bad)).toThrow(/^Bad settings:\n {2}PORT must be .*\n {2}BOXED_DEMO must be .*\n {2}BOXED_DB_POOL_SIZE must be/);
  });
});

describe("processes check every setting before they start", () => {
  const boxed = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [join(repoRoot, "bin", "boxed.mjs"), ...args], { encoding: "utf8", env: { ...process.env, ...env }, timeout: 90_000 });

  it("boxed worker and boxed start stop at once, naming each bad variable and its value", () => {
    const worker = boxed(["worker"], { BOXED_DB_POOL_SIZE: "ten", BOXED_DEMO: "yes" });
    expect(worker.status).toBe(1);
    expect(worker.stderr).toBe('boxed worker: Bad settings:\n  BOXED_DEMO must be 0 or 1, not "yes"\n  BOXED_DB_POOL_SIZE must be a whole number from 1 to 1000, not "ten"\n');
    const start = boxed(["start"], { BOXED_JOB_HEARTBEAT_SECONDS: "5" });
    expect(start.status).toBe(1);
    expect(start.stderr).toBe('boxed start: BOXED_JOB_HEARTBEAT_SECONDS must be a number of seconds, at least 10, not "5"\n');
    expect(start.stdout).toBe("");
  }, 180_000);
});

describe("one reader", () => {
  it("no file of lib/, app/, components/ or the root's server files but lib/settings reads a setting from the environment itself", () => {
    // with-database.ts saves the raw DATABASE_URL it replaces, to put it back afterwards.
    const restoresRawValue = new Set(["lib/cli/with-database.ts:15"]);
    const offenders: string[] = [];
    const pattern = new RegExp(`env(\\.|\\[["'])(${names.join("|")})\\b`);
    const check = (path: string) =>
      readFileSync(path, "utf8")
        .split("\n")
        .forEach((line, index) => {
          // Writing one (a child's environment, the resolved database) is fine; reading is not.
          if (pattern.test(line) && !/env(\.[A-Z_]+|\[[^\]]+\])\s*=[^=]/.test(line) && !/delete process\.env/.test(line) && !/^\s*(\/\/|\*)/.test(line)) {
            const place = `${relative(repoRoot, path)}:${index + 1}`;
            if (!restoresRawValue.has(place)) offenders.push(`${place}: ${line.trim()}`);
          }
        });
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!["generated", "settings", "node_modules"].includes(entry.name)) walk(path);
        } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) check(path);
      }
    };
    for (const dir of ["lib", "app", "components"]) walk(join(repoRoot, dir));
    for (const file of ["instrumentation.ts", "proxy.ts"]) check(join(repoRoot, file));
    expect(offenders).toEqual([]);
  });
});
