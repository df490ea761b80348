// The template model Boxed stores and edits. A template is data (kind, name, version, body with
// {{placeholders}}); rendering it is pure (render-prompt.ts). Which placeholders a body may use is
// fixed by its kind, so a typo in a template is caught when it is saved, not mid-batch.
import { z } from "zod";

export const PROMPT_TEMPLATE_KINDS = ["solution-completion", "solution-chat", "problem-inspired", "problem-similar", "judge"] as const;
export type PromptTemplateKind = (typeof PROMPT_TEMPLATE_KINDS)[number];

/** Placeholders each kind may use; every one of them must be given a value when rendering. */
export const PLACEHOLDERS_BY_KIND: Record<PromptTemplateKind, readonly string[]> = {
  "solution-completion": ["examples", "problem"],
  "solution-chat": ["examples", "problem"],
  "problem-inspired": ["examples", "problem"],
  "problem-similar": ["examples", "problem"],
  judge: ["problem_1", "problem_2"],
};

export interface ChatTemplateBody {
  /** Omitted from the rendered messages when empty. */
  system: string;
  user: string;
}

export type PromptTemplate =
  | { kind: "solution-completion"; name: string; version: number; body: string; stop: string[] }
  | { kind: Exclude<PromptTemplateKind, "solution-completion">; name: string; version: number; body: ChatTemplateBody; stop?: string[] };

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export type RenderedPrompt =
  | { api: "completions"; prompt: string; stop: string[] }
  | { api: "chat"; messages: ChatMessage[]; stop?: string[] };

const base = { name: z.string().min(1).max(200), version: z.number().int().positive() };
const chatBody = z.object({ system: z.string(), user: z.string().min(1) });

/** For templates coming from the database or the editor. */
export const PromptTemplateSchema = z.discriminatedUnion("kind", [
  z.object({ ...base, kind: z.literal("solution-completion"), body: z.string().min(1), stop: z.array(z.string()) }),
  z.object({ ...base, kind: z.enum(["solution-chat", "problem-inspired", "problem-similar", "judge"]), body: chatBody, stop: z.array(z.string()).optional() }),
]);
