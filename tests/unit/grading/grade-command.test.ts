import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { gradeCommand } from "@/lib/cli/commands/grade";

async function run(input: string, args: string[] = []) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on("data", (c) => out.push(String(c)));
  stderr.on("data", (c) => err.push(String(c)));
  const code = await gradeCommand.run(args, { stdin: Readable.from([input]), stdout, stderr, env: { ...process.env } });
  return { code, lines: out.join("").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l)), stderr: err.join("") };
}

describe("boxed grade", () => {
  it("writes one verdict per input line, in order, and a summary on stderr", async () => {
    const input = [
      JSON.stringify({ gold: "0.5", pred: "\\frac12" }),
      JSON.stringify({ gold: 10, pred: "The answer is $\\boxed{11}$." }),
      JSON.stringify({ gold: "0.1", pred: "10\\%", config: { percentRule: false } }),
      JSON.stringify({ gold: "1", pred: "9^{9^{9^{9}}} + 9^{9^{9^{9}}}" }),
    ].join("\n");
    const { code, lines, stderr } = await run(input);
    expect(code).toBe(0);
    expect(lines.map((l) => l.equal)).toEqual([true, false, false, false]);
    expect(lines[0]).toMatchObject({ line: 1, rule: "numeric", gold_norm: "0.5", pred_norm: "\\frac{1}{2}" });
    expect(stderr).toMatch(/4 lines .* 1 equal, 3 not equal, 0 undecided, 0 malformed/);
  });

  it("reports malformed lines by number and carries on", async () => {
    const input = ["{oops", JSON.stringify({ gold: "1" }), "", JSON.stringify({ gold: "1", pred: 1 })].join("\n");
    const { code, lines } = await run(input);
    expect(code).toBe(1);
    expect(lines[0]).toMatchObject({ line: 1 });
    expect(lines[0].error).toMatch(/^line 1: not valid JSON/);
    expect(lines[1].error).toMatch(/^line 2: "pred": must be a string or a number/);
    expect(lines[2]).toMatchObject({ line: 4, equal: true });
  });

  it("rejects bad flags with a one-line usage error", async () => {
    await expect(run("", ["--tolerance=-1"])).rejects.toThrow(/--tolerance must be a positive number/);
    await expect(run("", ["--bogus"])).rejects.toThrow(/see boxed grade --help/);
  });
});
