// The Task kind of retrieval runs (a leaf, so the pipeline can read earlier runs without importing the Task module).
export const RETRIEVAL_TASK_KIND = "decontam.retrieve";
