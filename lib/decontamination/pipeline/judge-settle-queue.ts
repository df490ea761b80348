// The pg-boss queue that follows a judge batch and moves its problems' statuses.
export const JUDGE_SETTLE_QUEUE = "decontam-judge-settle";
