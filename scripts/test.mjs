#!/usr/bin/env node
// `npm test`: typecheck, lint, unit + integration tests (vitest, real PostgreSQL) and end-to-end
// tests (Playwright in Chromium against the built app). Every step runs even when an earlier one
// fails, so one run shows everything; the last line is "N passed, N failed[, N skipped]".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const results = join(root, "test-results");
mkdirSync(results, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "1" };
const only = process.argv.slice(2);
const wanted = (step) => only.length === 0 || only.includes(step);

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, command, args) {
  console.log(`\n━━ ${label}: ${[command, ...args].join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  return { code: result.status ?? 1, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function single(label, command, args) {
  const { code, seconds } = run(label, command, args);
  if (code === 0) totals.passed += 1;
  else totals.failed += 1;
  lines.push(`${label.padEnd(12)} ${code === 0 ? "passed" : "FAILED"} (${seconds} s)`);
}

const bin = (name) => join(root, "node_modules", ".bin", name);

if (wanted("typecheck")) single("typecheck", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
if (wanted("lint")) single("lint", bin("biome"), ["lint", "."]);

if (wanted("vitest")) {
  const report = join(results, "vitest.json");
  rmSync(report, { force: true });
  const { code, seconds } = run("vitest", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  if (existsSync(report)) {
    const data = JSON.parse(readFileSync(report, "utf8"));
    const skipped = (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0);
    totals.passed += data.numPassedTests ?? 0;
    totals.failed += (data.numFailedTests ?? 0) + (code !== 0 && !data.numFailedTests ? 1 : 0);
    totals.skipped += skipped;
    lines.push(`${"vitest".padEnd(12)} ${data.numPassedTests} passed, ${data.numFailedTests} failed, ${skipped} skipped (${seconds} s)`);
  } else {
    totals.failed += 1;
    lines.push(`${"vitest".padEnd(12)} FAILED to run (${seconds} s)`);
  }
}

if (wanted("e2e")) {
  const report = join(results, "e2e-report.json");
  rmSync(report, { force: true });
  const { code, seconds } = run("e2e", bin("playwright"), ["test"]);
  if (existsSync(report)) {
    const stats = JSON.parse(readFileSync(report, "utf8")).stats ?? {};
    const failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0);
    totals.passed += stats.expected ?? 0;
    totals.failed += failed + (code !== 0 && failed === 0 ? 1 : 0);
    totals.skipped += stats.skipped ?? 0;
    lines.push(`${"e2e".padEnd(12)} ${stats.expected ?? 0} passed, ${failed} failed, ${stats.skipped ?? 0} skipped (${seconds} s)`);
  } else {
    totals.failed += 1;
    lines.push(`${"e2e".padEnd(12)} FAILED to run (${seconds} s)`);
  }
}

console.log(`\n━━ summary\n${lines.join("\n")}\n`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exitCode = totals.failed === 0 ? 0 : 1;
