#!/usr/bin/env node
// The `boxed` command. The CLI is TypeScript (lib/cli), loaded through tsx so there is no build
// step between editing and running it. Server-only modules (lib/db, `import "server-only"`) load
// here as in Next.js's server: see server-only-outside-next.mjs.
import { register } from "tsx/esm/api";
import "./server-only-outside-next.mjs";

register();
const { main } = await import("../lib/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
