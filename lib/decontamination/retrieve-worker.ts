// Worker-process side of RetrievalPool (forked with an IPC channel): rebuild the index once, then answer chunks.
import { type BenchmarkIndex, buildBenchmarkIndex } from "@/lib/decontamination/benchmark-index";
import { type PoolRetrieveOptions, retrieveOne, type WorkerReply, type WorkerRequest } from "@/lib/decontamination/retrieval-pool";

let index: BenchmarkIndex | undefined;
let retrieve: PoolRetrieveOptions = {};

// The parent may already have closed the channel (a run cancelled or failed): nothing to answer.
const reply = (msg: WorkerReply) => {
  if (process.connected) process.send?.(msg);
};

process.on("message", (msg: WorkerRequest) => {
  if (msg.type === "init") {
    index = buildBenchmarkIndex(msg.items, msg.indexOptions);
    retrieve = msg.retrieve;
    reply({ type: "ready" });
    return;
  }
  if (!index) throw new Error("retrieve worker: chunk before init");
  const built = index;
  const results = msg.problems.map((p) => retrieveOne(built, p, retrieve));
  reply({ type: "done", chunk: msg.chunk, results });
});
