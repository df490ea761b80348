// `boxed endpoint add|list|test`: model endpoints from the terminal. An API key is never a flag
// (it would sit in shell history): name its environment variable (--api-key-env), or pipe it on
// standard input with --api-key-stdin to store it encrypted.
import { parseArgs } from "node:util";
import { CLI_ACTOR } from "@/lib/audit/actor";
import { type CliCommand, CliError, type CliIo } from "@/lib/cli/command";
import { commandOptions } from "@/lib/cli/options";
import { listCommand } from "@/lib/cli/list-command";
import { printWithDatabase, withDatabase } from "@/lib/cli/with-database";
import { EndpointInputSchema } from "@/lib/generation/endpoints/endpoint-input";
import { findEndpointView, listEndpoints } from "@/lib/generation/endpoints/list-endpoints";
import { deleteEndpoint, setEndpointDisabled } from "@/lib/generation/endpoints/retire-endpoint";
import { createEndpoint } from "@/lib/generation/endpoints/save-endpoint";
import { testSavedEndpoint } from "@/lib/generation/endpoints/test-saved-endpoint";

async function firstStdinLine(io: CliIo): Promise<string> {
  if (io.stdin.isTTY) throw new CliError("--api-key-stdin needs the key piped on standard input (echo \"$KEY\" | npx boxed endpoint add ...)");
  let text = "";
  for await (const chunk of io.stdin) text += chunk.toString();
  const key = (text.split(/\r?\n/)[0] ?? "").trim();
  if (!key) throw new CliError("--api-key-stdin: standard input held no key");
  return key;
}

const integer = (flag: string, value: string | undefined) => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CliError(`${flag} must be a positive whole number, got "${value}"`);
  return n;
};

export const endpointAddCommand: CliCommand = {
  path: ["endpoint", "add"],
  summary: "add a model endpoint (OpenAI-compatible server)",
  usage: `usage: npx boxed endpoint add --name NAME --base-url URL --model M --api chat|completions
         [--api-key-env VAR | --api-key-stdin] [--concurrency C] [--rpm R] [--timeout-ms T]

  --base-url      up to the version segment, e.g. http://127.0.0.1:8000/v1
  --api           completions: raw text completion (base models, the recipe's prompt); chat: chat API
  --api-key-env   the name of an environment variable holding the key, read by the workers
  --api-key-stdin read the key from standard input and store it encrypted (AES-256-GCM)
  --concurrency   requests in flight at once, shared by all workers (default 16)
  --rpm           requests per minute, shared by all workers (default: no limit)
  --timeout-ms    per request (default 600000)`,
  async run(args, io) {
    const options = commandOptions(["name", "base-url", "model", "api", "api-key-env", "concurrency", "rpm", "timeout-ms"], ["api-key-stdin"]);
    const { values } = parseArgs({ args, options });
    if (values["api-key-env"] && values["api-key-stdin"]) throw new CliError("give --api-key-env or --api-key-stdin, not both");
    const apiKey = values["api-key-stdin"] ? await firstStdinLine(io) : undefined;
    const parsed = EndpointInputSchema.safeParse({
      name: values.name,
      baseUrl: values["base-url"],
      model: values.model,
      apiStyle: values.api,
      apiKeyEnv: values["api-key-env"],
      apiKey,
      maxConcurrency: integer("--concurrency", values.concurrency) ?? 16,
      requestsPerMinute: integer("--rpm", values.rpm) ?? null,
      timeoutMs: integer("--timeout-ms", values["timeout-ms"]) ?? 600_000,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const flag = { name: "--name", baseUrl: "--base-url", model: "--model", apiStyle: "--api", apiKeyEnv: "--api-key-env" }[String(issue?.path[0])] ?? String(issue?.path[0]);
      throw new CliError(`${flag}: ${issue?.code === "invalid_type" ? "is required" : issue?.message}`);
    }
    return printWithDatabase(io, async () => {
      const created = await createEndpoint(parsed.data, CLI_ACTOR);
      return [`added endpoint ${created.name} (id ${created.id})`];
    });
  },
};

export const endpointListCommand = listCommand({
  path: ["endpoint", "list"],
  summary: "list model endpoints (keys are never shown)",
  usage: "usage: npx boxed endpoint list [--json]",
  load: () => listEndpoints(),
  empty: "no endpoints yet: npx boxed endpoint add --help",
  line: (e) => {
    const key = e.hasStoredKey ? "key stored (encrypted)" : e.apiKeyEnv ? `key from $${e.apiKeyEnv}` : "no key";
    return `${String(e.id).padEnd(4)}${e.name.padEnd(24)}${e.apiStyle.padEnd(12)}${e.model.padEnd(28)}${e.baseUrl}  · ${e.maxConcurrency} concurrent${e.requestsPerMinute ? ` · ${e.requestsPerMinute}/min` : ""} · ${e.timeoutMs} ms · ${key}${e.disabled ? " · disabled" : ""}`;
  },
});

/** The NAME argument of `boxed endpoint test|disable|enable|remove NAME`. */
function endpointNameArg(args: string[]): string {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const name = positionals[0];
  if (!name) throw new CliError("give the endpoint's name");
  return name;
}

async function findNamedEndpoint(name: string) {
  const view = await findEndpointView(name);
  if (!view) throw new CliError(`no endpoint named "${name}" (npx boxed endpoint list)`);
  return view;
}

export const endpointTestCommand: CliCommand = {
  path: ["endpoint", "test"],
  summary: "send one tiny request to an endpoint and print the reply or the exact error",
  usage: "usage: npx boxed endpoint test NAME",
  async run(args, io) {
    const name = endpointNameArg(args);
    return withDatabase(io, async () => {
      const view = await findNamedEndpoint(name);
      const result = await testSavedEndpoint(view.id, CLI_ACTOR, io.env);
      if (result.ok) {
        io.stdout.write(`ok in ${Math.round(result.latencyMs)} ms, model ${result.model}, finish_reason ${result.finishReason}:\n${result.text}\n`);
        return 0;
      }
      io.stdout.write(`failed after ${Math.round(result.latencyMs)} ms: ${result.error.kind}${result.error.status ? ` (HTTP ${result.error.status})` : ""}: ${result.error.message}\n`);
      return 1;
    });
  },
};

function endpointStateCommand(verb: "disable" | "enable" | "remove", summary: string): CliCommand {
  return {
    path: ["endpoint", verb],
    summary,
    usage: `usage: npx boxed endpoint ${verb} NAME${verb === "remove" ? "\n\nOnly an endpoint no batch names can be removed; disable the others (batches keep their record)." : ""}`,
    async run(args, io) {
      const name = endpointNameArg(args);
      return printWithDatabase(io, async () => {
        const view = await findNamedEndpoint(name);
        if (verb === "remove") await deleteEndpoint(view.id, null);
        else await setEndpointDisabled(view.id, verb === "disable", null);
        return [`${verb === "remove" ? "removed" : `${verb}d`} endpoint ${view.name}`];
      });
    },
  };
}

export const endpointDisableCommand = endpointStateCommand("disable", "stop offering an endpoint for new batches (running batches finish)");
export const endpointEnableCommand = endpointStateCommand("enable", "offer a disabled endpoint for new batches again");
export const endpointRemoveCommand = endpointStateCommand("remove", "delete an endpoint that no batch names");
