// Runs the LaTeX parser on a worker thread and waits for it synchronously (Atomics.wait), so a
// parse that takes too long can be abandoned and its thread terminated. The Compute Engine's
// parser backtracks exponentially on some malformed input - "([([([([([x+])])])])])" (22
// characters) takes seconds - and a synchronous call on the caller's thread could not be
// interrupted. checkAnswer stays synchronous; only this file knows about threads.
import { createRequire } from "node:module";
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from "node:worker_threads";
import type { MathJsonExpression } from "@cortex-js/compute-engine/latex-syntax";

export type ThreadParse = { ok: true; json: MathJsonExpression | null } | { ok: false; why: string; timedOut: boolean };

// Plain CommonJS evaluated in the worker: no TypeScript loader or path alias is needed there.
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const { LatexSyntax } = require(workerData.modulePath);
const syntax = new LatexSyntax();
const flag = new Int32Array(workerData.shared);
const port = workerData.port;
syntax.parse("1");
Atomics.store(flag, 0, 1);
Atomics.notify(flag, 0);
port.on("message", (latex) => {
  let reply;
  try { reply = { ok: true, json: syntax.parse(latex) }; }
  catch (e) { reply = { ok: false, why: String((e && e.message) || e).slice(0, 120) }; }
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

// Starting a thread loads the parser (about 100 ms); a cold start gets this much on top of the
// check's own budget, once per thread.
const STARTUP_ALLOWANCE_MS = 2_000;

interface ParserThread {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
}

let thread: ParserThread | null = null;

function start(): ParserThread | null {
  const shared = new SharedArrayBuffer(4);
  const flag = new Int32Array(shared);
  const { port1, port2 } = new MessageChannel();
  const modulePath = createRequire(import.meta.url).resolve("@cortex-js/compute-engine/latex-syntax");
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { modulePath, shared, port: port2 }, transferList: [port2] });
  // The thread must never keep the process alive.
  worker.unref();
  port1.unref();
  if (Atomics.wait(flag, 0, 0, STARTUP_ALLOWANCE_MS) === "timed-out") {
    void worker.terminate();
    return null;
  }
  return { worker, port: port1, flag };
}

/** Parses `latex` on the parser thread, giving up (and killing the thread) after `timeoutMs`. */
export function parseOnThread(latex: string, timeoutMs: number): ThreadParse {
  thread ??= start();
  if (!thread) return { ok: false, why: "the parser thread did not start in time", timedOut: true };
  const { worker, port, flag } = thread;
  Atomics.store(flag, 0, 0);
  port.postMessage(latex);
  if (Atomics.wait(flag, 0, 0, Math.max(1, timeoutMs)) === "timed-out") {
    thread = null;
    void worker.terminate();
    return { ok: false, why: `the LaTeX parser ran past the time budget (${Math.round(timeoutMs)} ms) and was stopped`, timedOut: true };
  }
  const message = receiveMessageOnPort(port);
  if (!message) return { ok: false, why: "the parser thread sent no reply", timedOut: false };
  return message.message as ThreadParse;
}
