#!/usr/bin/env node
// The `boxed` command. The CLI is TypeScript (lib/cli), loaded through tsx so there is no build
// step between editing and running it.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../lib/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
