// Where and how to reach a model: any OpenAI-compatible server (vLLM, NIM, SGLang, llama.cpp,
// Ollama, hosted APIs). Validated with zod because it comes from the settings UI and the database.
import { z } from "zod";

export const LlmClientConfigSchema = z.object({
  /** Up to and including the version segment, e.g. http://127.0.0.1:8000/v1 */
  baseUrl: z.url({ protocol: /^https?$/ }),
  /** Local servers usually need none; "EMPTY" is sent then, as vLLM's docs do. */
  apiKey: z.string().min(1).optional(),
  model: z.string().min(1),
  /** Base models need raw completions (the recipe's prompt); most hosted APIs only have chat. */
  api: z.enum(["completions", "chat"]),
  /** Per request. The recipe's 2048-token samples from a 405B model can take minutes. */
  timeoutMs: z.number().int().positive().max(3_600_000),
  /** Model for embed(); defaults to `model`. */
  embeddingModel: z.string().min(1).optional(),
});

export type LlmClientConfig = z.infer<typeof LlmClientConfigSchema>;
