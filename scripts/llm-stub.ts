// `npm run llm:stub -- [--port 8000] [--latency-ms 200 | --latency-ms 100-400] [--error-rate 0.05]
// [--truncate-rate 0.02] [--seed 1] [--api-key KEY] [--model NAME]`: runs the OpenAI-compatible
// stand-in for demos. It is not a model, and it says so loudly.
import { parseArgs } from "node:util";
import { startLlmStub } from "@/lib/llm-stub/start-llm-stub";
import { DEFAULT_STUB_MODEL } from "@/lib/llm-stub/stub-options";

const usage = `usage: npm run llm:stub -- [--port N] [--latency-ms MS|MIN-MAX] [--error-rate 0..1]
                            [--truncate-rate 0..1] [--seed N] [--api-key KEY] [--model NAME]`;

function fail(message: string): never {
  console.error(`llm-stub: ${message}\n${usage}`);
  process.exit(2);
}

function rate(name: string, value: string | undefined): number {
  const parsed = Number(value ?? 0);
  if (!(parsed >= 0 && parsed <= 1)) fail(`--${name} must be a number between 0 and 1, got "${value}"`);
  return parsed;
}

function latency(value: string | undefined): number | { min: number; max: number } {
  if (value === undefined) return 0;
  const range = /^(\d+)-(\d+)$/.exec(value);
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  const fixed = Number(value);
  if (!(fixed >= 0)) fail(`--latency-ms must be milliseconds or MIN-MAX, got "${value}"`);
  return fixed;
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: "string", default: "8000" },
      "latency-ms": { type: "string" },
      "error-rate": { type: "string" },
      "truncate-rate": { type: "string" },
      seed: { type: "string", default: "0" },
      "api-key": { type: "string" },
      model: { type: "string", default: DEFAULT_STUB_MODEL },
      help: { type: "boolean", short: "h" },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got "${values.port}"`);

const stub = await startLlmStub({
  port,
  latencyMs: latency(values["latency-ms"] as string | undefined),
  errorRate: rate("error-rate", values["error-rate"] as string | undefined),
  truncateRate: rate("truncate-rate", values["truncate-rate"] as string | undefined),
  seed: Number(values.seed) || 0,
  model: values.model as string,
  ...(typeof values["api-key"] === "string" ? { requireApiKey: values["api-key"] } : {}),
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));

console.log(`Boxed LLM STAND-IN (not a real model) listening on ${stub.url}`);
console.log(`model name: "${values.model}". Answers are canned and deterministic; use it for demos and tests only.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  const stats = stub.stats();
  await stub.close();
  console.log(`stand-in stopped after ${stats.totalRequests} requests (max ${stats.maxInFlight} in flight).`);
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
