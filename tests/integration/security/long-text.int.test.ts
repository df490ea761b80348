// Protects: a page holds only the beginning of a long problem or solution (PostgreSQL cuts it), says
// so, and the whole text downloads byte for byte in a stream; short texts are untouched.
import { describe, expect, it } from "vitest";
import { findProblemDetail } from "@/lib/solutions/find-problem-detail";
import { findSampleDetail } from "@/lib/solutions/find-sample-detail";
import { streamFullText, TEXT_PREVIEW_CHARS } from "@/lib/solutions/long-text";
import { prisma } from "@/lib/db/prisma";
import { importFiles, tempDir, writeTemp } from "@/tests/integration/datasets/import-helpers";

async function download(stream: ReadableStream<Uint8Array> | null): Promise<string> {
  expect(stream).not.toBeNull();
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

describe("long texts", () => {
  it("pages read the first 20,000 characters and the download streams the whole", async () => {
    // Multi-byte characters and backslashes, so bytes and characters differ and nothing is escaped.
    const longProblem = `${"Soit \\(x\\) un réel ≥ 0 — 数学。\n".repeat(3_000)}END-OF-PROBLEM`;
    const longSolution = `${"Étape: \\frac{1}{2}\t✓\n".repeat(4_000)}\\boxed{7}`;
    const dir = tempDir("boxed-long-");
    const file = writeTemp(
      dir,
      "long.jsonl",
      `${[
        { problem: longProblem, generated_solution: longSolution, expected_answer: "7", problem_source: "long" },
        { problem: "Short: 1 + 1?", generated_solution: "\\boxed{2}", expected_answer: "2", problem_source: "long" },
      ]
        .map((r) => JSON.stringify(r))
        .join("\n")}\n`,
    );
    const { summary } = await importFiles([file], "long-texts", "synthetic");
    expect(summary.ok).toBe(true);
    const [long, short] = await prisma().sample.findMany({ where: { problem: { set: { name: "long-texts" } } }, orderBy: { id: "asc" }, select: { id: true, problemId: true } });

    const detail = await findSampleDetail(long.id);
    expect(detail?.text).toBe(longSolution.slice(0, TEXT_PREVIEW_CHARS));
    expect(detail?.textHead).toMatchObject({ truncated: true, bytes: Buffer.byteLength(longSolution) });
    expect(detail?.problem.text).toBe(longProblem.slice(0, TEXT_PREVIEW_CHARS));
    expect(detail?.problemTextHead.truncated).toBe(true);
    const problem = await findProblemDetail(long.problemId);
    expect(problem?.problem.text).toBe(longProblem.slice(0, TEXT_PREVIEW_CHARS));
    expect(problem?.textHead).toMatchObject({ truncated: true, bytes: Buffer.byteLength(longProblem) });

    expect(await download(await streamFullText("sample", long.id))).toBe(longSolution);
    expect(await download(await streamFullText("problem", long.problemId))).toBe(longProblem);

    const small = await findSampleDetail(short.id);
    expect(small?.text).toBe("\\boxed{2}");
    expect(small?.textHead.truncated).toBe(false);
    expect(small?.problemTextHead.truncated).toBe(false);
    expect(await download(await streamFullText("problem", short.problemId))).toBe("Short: 1 + 1?");
    expect(await streamFullText("sample", 2_000_000_000)).toBeNull();
  });
});
