// The pg-boss queue of retrieval runs (kept apart from the job module so the web app can send to
// it without importing the worker side).
export const RETRIEVAL_QUEUE = "decontam-retrieve";
