// Prompt templates as stored (prompt_templates: kind enum with underscores, body JSON holding
// { body, stop }) and as rendered (PromptTemplate). Conversion is checked with the template
// schema, so an edited row that would break a batch is refused when it is read.
import type { Prisma } from "@/lib/db/generated/client";
import type { TemplateKind } from "@/lib/db/generated/enums";
import { type PromptTemplate, type PromptTemplateKind, PromptTemplateSchema } from "@/lib/generation/prompts/prompt-template";

export const toDbKind = (kind: PromptTemplateKind) => kind.replace("-", "_") as TemplateKind;
export const fromDbKind = (kind: TemplateKind | string) => kind.replace("_", "-") as PromptTemplateKind;

export interface TemplateRow {
  id: number;
  name: string;
  version: number;
  kind: TemplateKind | string;
  body: unknown;
}

export function templateFromRow(row: TemplateRow): PromptTemplate {
  const stored = (row.body ?? {}) as { body?: unknown; stop?: unknown };
  const parsed = PromptTemplateSchema.safeParse({ kind: fromDbKind(row.kind), name: row.name, version: row.version, body: stored.body, stop: stored.stop ?? (row.kind === "solution_completion" ? [] : undefined) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`prompt template ${row.name} v${row.version} (id ${row.id}) is invalid: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data as PromptTemplate;
}

export function templateBodyJson(template: PromptTemplate): Prisma.InputJsonValue {
  const body = typeof template.body === "string" ? template.body : { system: template.body.system, user: template.body.user };
  return template.stop === undefined ? { body } : { body, stop: [...template.stop] };
}
