// Lets code marked `import "server-only"` (lib/db and everything that imports it) run outside
// Next.js: in the `boxed` CLI and worker, benchmarks and scripts. The marker package throws unless
// it is resolved under the "react-server" condition, which Next.js sets for server code and never
// for client components (so a client component that reaches a data file fails `next build`).
// Plain Node is server code by definition, so this resolve hook adds that condition for the
// marker alone; nothing else (React in particular) resolves differently.
//
// Use: `node --import ./bin/server-only-outside-next.mjs …`, or import it before the first
// dynamic import of server code (bin/boxed.mjs). vitest does the same with an alias.
import { register } from "node:module";
import { isMainThread } from "node:worker_threads";

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
  return nextResolve(specifier, context);
}

// Node loads this file again in its hooks thread to find `resolve`; register only once, from the
// main thread.
if (isMainThread) register(import.meta.url);
