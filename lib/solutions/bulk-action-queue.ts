// The pg-boss queue bulk actions travel on (shared by the sender and the job definition).
export const BULK_ACTION_QUEUE = "samples-bulk";
