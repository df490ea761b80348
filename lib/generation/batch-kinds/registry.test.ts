// Protects the batch-kind table: one plug-in per kind of the BatchKind enum, every template kind
// accepted by some kind and rendered alike by every kind that accepts it (the runner picks the
// renderer by template kind), and the facts handed to the launch form are plain data.
import { describe, expect, it } from "vitest";
import { batchKind, batchKindFacts, kindRendering } from "@/lib/generation/batch-kinds/registry";
import { BATCH_KINDS } from "@/lib/generation/batches/batch-launch-input";
import { DEFAULT_TEMPLATES } from "@/lib/generation/prompts/default-templates";
import { PROMPT_TEMPLATE_KINDS } from "@/lib/generation/prompts/prompt-template";

const request = { problemId: 7, sampleIndex: 1, problemText: "What is 3 + 4?", source: "math", otherText: "Compute four plus three." };

describe("the batch kind table", () => {
  it("has a plug-in for every kind, under its own name", () => {
    for (const name of BATCH_KINDS) expect(batchKind(name).name).toBe(name);
    expect(() => batchKind("nonsense" as never)).toThrow(/no batch kind "nonsense"/);
  });

  it("accepts every template kind somewhere, and each kind's templates are real kinds", () => {
    const accepted = new Set(BATCH_KINDS.flatMap((name) => batchKind(name).templateKinds));
    expect([...accepted].sort()).toEqual([...PROMPT_TEMPLATE_KINDS].sort());
  });

  it("renders a template kind alike in every kind that accepts it", () => {
    for (const template of DEFAULT_TEMPLATES) {
      const renderer = kindRendering(template.kind);
      expect(renderer.templateKinds).toContain(template.kind);
      for (const name of BATCH_KINDS) {
        const kind = batchKind(name);
        if (!kind.templateKinds.includes(template.kind)) continue;
        expect(kind.render(template, request), `${name} renders ${template.name}`).toEqual(renderer.render(template, request));
        expect(kind.renderKey(request)).toBe(renderer.renderKey(request));
      }
    }
  });

  it("hands the launch form plain data in the enum's order", () => {
    const facts = batchKindFacts();
    expect(facts.map((f) => f.name)).toEqual([...BATCH_KINDS]);
    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
    expect(new Set(facts.map((f) => f.title)).size).toBe(facts.length);
  });
});
