// What a person may set on a model endpoint (settings page and `boxed endpoint add`). The API key
// is either given (then stored encrypted) or named by an environment variable the workers read.
import { z } from "zod";

export const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const EndpointInputSchema = z.object({
  name: z.string().trim().min(1, "a name is required").max(100),
  baseUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://127.0.0.1:8000/v1" }),
  model: z.string().trim().min(1, "a model name is required").max(300),
  apiStyle: z.enum(["completions", "chat"]),
  /** Given: stored encrypted. Empty/absent on an edit: the stored key is kept. */
  apiKey: z.string().max(10_000).optional(),
  apiKeyEnv: z.string().trim().regex(ENV_VAR_NAME, "must be an environment variable name like OPENAI_API_KEY").optional(),
  /** Drops a stored key on edit. */
  clearApiKey: z.boolean().optional(),
  maxConcurrency: z.number().int().min(1).max(4096),
  requestsPerMinute: z.number().int().min(1).max(10_000_000).nullable().optional(),
  timeoutMs: z.number().int().min(100).max(3_600_000),
});

export type EndpointInput = z.infer<typeof EndpointInputSchema>;
