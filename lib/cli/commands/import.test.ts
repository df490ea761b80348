import { describe, expect, it } from "vitest";
import { groupImportFiles } from "@/lib/cli/commands/import";

describe("groupImportFiles", () => {
  it("reads NeMo-Skills seed files together and any other files one by one", () => {
    expect(groupImportFiles(["/d/output-rs0.jsonl", "/d/output-rs1.jsonl"], undefined)).toEqual([["/d/output-rs0.jsonl", "/d/output-rs1.jsonl"]]);
    expect(groupImportFiles(["/d/a.jsonl", "/d/b.jsonl"], undefined)).toEqual([["/d/a.jsonl"], ["/d/b.jsonl"]]);
    expect(groupImportFiles(["/d/a.jsonl", "/d/b.jsonl"], "nemo-skills")).toEqual([["/d/a.jsonl", "/d/b.jsonl"]]);
    expect(groupImportFiles(["/d/output-rs0.jsonl", "/d/output-rs1.jsonl"], "omi2")).toEqual([["/d/output-rs0.jsonl"], ["/d/output-rs1.jsonl"]]);
  });
});
