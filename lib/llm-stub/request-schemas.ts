// The request bodies the stand-in accepts: the OpenAI fields Boxed sends, validated the way vLLM
// would (bad values are a 400 naming the field, not a silent default).
import { z } from "zod";

const stop = z.union([z.string(), z.array(z.string()).max(16)]).nullish();

const sampling = {
  model: z.string().optional(),
  n: z.number().int().min(1).max(128).default(1),
  seed: z.number().int().nullish(),
  stop,
  max_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).default(1),
  top_p: z.number().gt(0).max(1).default(1),
};

export const CompletionRequestSchema = z.object({
  ...sampling,
  // OpenAI accepts a list of prompts; Boxed sends one per request, so a list must hold exactly one.
  prompt: z.union([z.string(), z.array(z.string()).length(1)]),
});

const messageContent = z.union([
  z.string(),
  z.array(z.object({ type: z.literal("text"), text: z.string() })),
]);

export const ChatRequestSchema = z.object({
  ...sampling,
  max_completion_tokens: z.number().int().positive().nullish(),
  messages: z
    .array(z.object({ role: z.enum(["system", "developer", "user", "assistant"]), content: messageContent }))
    .min(1),
});

export const EmbeddingRequestSchema = z.object({
  model: z.string().optional(),
  input: z.union([z.string(), z.array(z.string()).min(1).max(2048)]),
  dimensions: z.number().int().min(8).max(4096).optional(),
  encoding_format: z.enum(["float", "base64"]).default("float"),
});

export type ChatRequest = z.infer<typeof ChatRequestSchema>;

export function messageText(content: ChatRequest["messages"][number]["content"]): string {
  return typeof content === "string" ? content : content.map((part) => part.text).join("");
}
