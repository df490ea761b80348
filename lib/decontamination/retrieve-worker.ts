// Worker-process side of retrieveMany (forked with an IPC channel): rebuild the index once, then answer chunks.
import { type BenchmarkIndex, buildBenchmarkIndex } from "@/lib/decontamination/benchmark-index";
import { type RetrieveOptions, retrieveCandidates } from "@/lib/decontamination/retrieve";
import type { WorkerReply, WorkerRequest } from "@/lib/decontamination/retrieve-many";

let index: BenchmarkIndex | undefined;
let retrieve: RetrieveOptions = {};

process.on("message", (msg: WorkerRequest) => {
  if (msg.type === "init") {
    index = buildBenchmarkIndex(msg.items, msg.indexOptions);
    retrieve = msg.retrieve;
    process.send?.({ type: "ready" } satisfies WorkerReply);
    return;
  }
  if (!index) throw new Error("retrieve worker: chunk before init");
  const built = index;
  const results = msg.problems.map((p) => ({ id: p.id, candidates: retrieveCandidates(built, p.text, retrieve) }));
  process.send?.({ type: "done", chunk: msg.chunk, results } satisfies WorkerReply);
});
