// Names shared by the action that starts a clustering and the job that runs it (a leaf module:
// importing it pulls in no job code).
export const CLUSTER_QUEUE = "decontam-cluster";
export const CLUSTER_TASK_KIND = "decontam.cluster";
