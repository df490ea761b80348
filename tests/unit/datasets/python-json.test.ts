// writers/python-json.ts must write what Python's json.dumps writes, byte for byte: compared here
// with python3 itself on random values (every kind of character: controls, DEL, Latin, CJK,
// characters beyond the BMP, quotes, backslashes) when python3 exists; skipped, saying so, when not.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { pythonJsonDumps } from "@/lib/datasets/writers/python-json";

const hasPython = spawnSync("python3", ["--version"]).status === 0;
if (!hasPython) console.warn("python-json: python3 not found, the comparison with json.dumps is skipped");

function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const RANGES: [number, number][] = [
  [0x00, 0x1f],
  [0x20, 0x7e],
  [0x7f, 0xa0],
  [0xa1, 0x24f],
  [0x2000, 0x206f],
  [0x4e00, 0x4fff],
  [0xe000, 0xf8ff],
  [0x1f600, 0x1f64f],
  [0x10000, 0x10ffff],
];

function randomText(next: () => number): string {
  let text = "";
  const length = Math.floor(next() * 40);
  for (let i = 0; i < length; i++) {
    const pick = next();
    if (pick < 0.3) text += '\\"/{}$'[Math.floor(next() * 6)];
    else {
      const [lo, hi] = RANGES[Math.floor(next() * RANGES.length)] as [number, number];
      text += String.fromCodePoint(lo + Math.floor(next() * (hi - lo + 1)));
    }
  }
  return text;
}

function randomValue(next: () => number, depth = 0): unknown {
  const kind = next();
  if (depth > 2 || kind < 0.4) return randomText(next);
  if (kind < 0.5) return Math.floor(next() * 2e6) - 1e6;
  if (kind < 0.55) return next() < 0.5;
  if (kind < 0.6) return null;
  if (kind < 0.8) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
  return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, () => [randomText(next), randomValue(next, depth + 1)]));
}

describe("pythonJsonDumps", () => {
  it.skipIf(!hasPython)("writes what Python's json.dumps writes, on 2,000 random values", () => {
    const next = seeded(20261206);
    const values = Array.from({ length: 2000 }, () => ({ expected_answer: randomText(next), input: randomText(next), output: randomValue(next) }));
    // One JSON document per line in, json.dumps of each out: the same lines.
    const input = values.map((v) => JSON.stringify(v)).join("\n");
    const python = spawnSync("python3", ["-c", "import json, sys\nfor line in sys.stdin.read().split('\\n'):\n    sys.stdout.write(json.dumps(json.loads(line)) + '\\n')"], {
      input,
      maxBuffer: 1 << 26,
    });
    expect(python.stderr.toString()).toBe("");
    const theirs = python.stdout.toString("utf8").split("\n").slice(0, -1);
    const ours = values.map((v) => pythonJsonDumps(v));
    for (let i = 0; i < ours.length; i++) expect(ours[i], JSON.stringify(values[i])).toBe(theirs[i]);
  });

  it("escapes like json.dumps on a few fixed cases", () => {
    expect(pythonJsonDumps({ a: "é😀\u007f\u0000\n", b: [1, true, null], c: {} })).toBe('{"a": "\\u00e9\\ud83d\\ude00\\u007f\\u0000\\n", "b": [1, true, null], "c": {}}');
    expect(pythonJsonDumps([1e-7, 1e21, 2.5, -0.5])).toBe("[1e-07, 1e+21, 2.5, -0.5]");
  });
});
