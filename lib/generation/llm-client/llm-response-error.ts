// Failures the openai package does not raise itself: a 200 reply whose body is not a usable
// completion, or a request the configured API cannot carry. classifyLlmError reads `kind`.

export class LlmResponseError extends Error {
  constructor(
    readonly kind: "malformed" | "bad-request",
    message: string,
  ) {
    super(message);
    this.name = "LlmResponseError";
  }
}
