// The Task kind of a clustering, shared by the action that starts it and the pages that show it
// (a leaf module: importing it pulls in no job code; the queue is in lib/jobs/queues.ts).
export const CLUSTER_TASK_KIND = "decontam.cluster";
