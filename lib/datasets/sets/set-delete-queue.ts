// Names shared by the action that starts a set deletion and the job that runs it (a leaf module:
// importing it pulls in no job code).
export const SET_DELETE_QUEUE = "set-delete";
export const SET_DELETE_TASK_KIND = "set-delete";
