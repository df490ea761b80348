// Protects the SFT manifest NeMo-Skills users train on: written with --python-json it equals, byte
// for byte, the file Python builds from the same rows with the recipe's documented prompt and
// json.dumps in prepare_sft_data's key order (python3 runs here when it exists; the test says it
// skipped when not). Also: no row ever goes out with expected_answer "" (dropped by default and
// counted, or null when kept), and the manifest notes sources that are not the release's.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NO_FILTERS } from "@/lib/datasets/export/export-settings";
import { exportToFile } from "@/lib/datasets/export/export-to-file";
import { pool } from "@/lib/db/pool";
import { importFiles, tempDir, writeTemp } from "./import-helpers";

const python = spawnSync("python3", ["--version"], { encoding: "utf8" });
const hasPython = python.status === 0;
if (!hasPython) console.warn("nemo-sft-python-json: python3 not found, the byte-for-byte comparison with json.dumps is skipped");

// Hostile text: non-ASCII, a character beyond the BMP (a surrogate pair in \u escapes), C0 controls,
// DEL, U+2028, quotes, backslashes, braces, a closing script tag.
const rows = [
  { q: "What is $\\frac{1}{2} + \\frac{1}{2}$? «Réponse» — vite", a: "1", s: "We add: $\\frac{1}{2}+\\frac{1}{2} = \\boxed{1}$ 😀" },
  { q: 'Quote "this"\tand\u0001 that\u007f\u2028line', a: "\\{1, 2\\}", s: "The set is $\\boxed{\\{1, 2\\}}$.\n</script>\r\n" },
  { q: "No gold here: what is $x$?", a: null, s: "It depends on $x$." },
  { q: "日本語の問題: $3 \\times 3$", a: "9", s: "$3 \\times 3 = \\boxed{9}$" },
];

describe("SFT manifest for NeMo-Skills trainers", () => {
  it.skipIf(!hasPython)("--python-json writes what prepare_sft_data's json.dumps writes, byte for byte", async () => {
    const dir = tempDir();
    const file = writeTemp(dir, "hostile.jsonl", `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`);
    const { summary } = await importFiles([file], "sft-hostile", "seed", { mapping: { problem: "q", answer: "a", solution: "s" } });
    expect(summary.errors).toEqual([]);

    const out = join(dir, "sft.jsonl");
    const manifest = await exportToFile({ format: "nemo-sft", sets: ["sft-hostile"], ...NO_FILTERS, dropWithoutGold: true, pythonJson: true }, out, { user: null, via: "cli" });
    expect(manifest.rows).toBe(3);
    expect(manifest.removed["no-gold-answer"]?.count).toBe(1);
    expect(manifest.sourcesOutsideRelease?.rows).toEqual({ "sft-hostile": 3 });

    // The same rows, in export order, built by Python with the recipe's prompt (docs/datasets.md).
    const { rows: stored } = await pool().query<{ problem: string; solution: string; gold: string }>(
      `SELECT p.text AS problem, s.text AS solution, p.gold_answer AS gold
         FROM samples s JOIN problems p ON p.id = s.problem_id JOIN problem_sets ps ON ps.id = p.set_id
        WHERE ps.name = 'sft-hostile' AND p.gold_answer IS NOT NULL ORDER BY p.id, s.id`,
    );
    const script = String.raw`
import json, sys
PROMPT = ("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n<|eot_id|>"
          "<|start_header_id|>user<|end_header_id|>\n\n"
          "Solve the following math problem. Make sure to put the answer (and only answer) inside \\boxed{}.\n\n"
          "{problem}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n")
out = sys.stdout.buffer
for row in json.loads(sys.stdin.read()):
    sample = {"expected_answer": str(row["gold"])}
    sample["input"] = PROMPT.replace("{problem}", row["problem"])
    sample["output"] = row["solution"] + "<|eot_id|>"
    out.write((json.dumps(sample) + "\n").encode("utf-8"))
`;
    const built = spawnSync("python3", ["-c", script], { input: JSON.stringify(stored), maxBuffer: 1 << 26 });
    expect(built.stderr.toString()).toBe("");
    const ours = readFileSync(out);
    expect(ours.toString("utf8")).toBe(built.stdout.toString("utf8"));
    expect(ours.equals(built.stdout)).toBe(true);
    // ASCII only, as json.dumps writes by default.
    expect([...ours].every((byte) => byte < 0x80)).toBe(true);
  });

  it("never writes expected_answer \"\": rows without gold are left out and counted, or written null when kept", async () => {
    const dir = tempDir();
    const file = writeTemp(dir, "gold.jsonl", `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`);
    await importFiles([file], "sft-gold", "seed", { mapping: { problem: "q", answer: "a", solution: "s" }, source: "math" });
    for (const format of ["nemo-sft", "omi2-jsonl", "messages"] as const) {
      for (const path of ["copy", "stream"] as const) {
        const out = join(dir, `${format}-${path}.jsonl`);
        // Both paths: trimming is decided in SQL too since filter inputs are stored (issue #21), so
        // the general (stream) path is asked for by name.
        const settings = { format, sets: ["sft-gold"], ...NO_FILTERS, dropWithoutGold: true, trimAfterBoxed: path === "stream" };
        const via = { user: null, via: "cli" as const, path: path === "stream" ? ("general" as const) : ("auto" as const) };
        const manifest = await exportToFile(settings, out, via);
        expect(manifest.path).toBe(path);
        expect(manifest.removed["no-gold-answer"]).toMatchObject({ count: 1, examples: [{ reason: expect.stringMatching(/has no gold answer/) }] });
        expect(manifest.sourcesOutsideRelease).toBeNull();
        const lines = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l));
        expect(lines).toHaveLength(3);
        expect(lines.every((l) => typeof l.expected_answer === "string" && l.expected_answer !== "")).toBe(true);

        const kept = join(dir, `${format}-${path}-kept.jsonl`);
        const keptManifest = await exportToFile({ ...settings, dropWithoutGold: false }, kept, via);
        expect(keptManifest.removed["no-gold-answer"]).toBeUndefined();
        const keptLines = readFileSync(kept, "utf8").trim().split("\n").map((l) => JSON.parse(l));
        expect(keptLines.map((l) => l.expected_answer)).toEqual(["1", "\\{1, 2\\}", null, "9"]);
      }
    }
  });
});
