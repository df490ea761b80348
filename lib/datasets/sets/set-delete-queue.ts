// The Task kind of a set deletion, shared by the action that starts it and the pages that show it
// (a leaf module: importing it pulls in no job code; the queue is in lib/jobs/queues.ts).
export const SET_DELETE_TASK_KIND = "set-delete";
