// What a runner buffers between a reply (or a failed attempt) and the flush that stores it.
import type { ClassifiedLlmError } from "@/lib/generation/llm-client/classify-llm-error";
import type { ClaimedRequest } from "@/lib/generation/worker/claim-requests";
import type { GradedSolution } from "@/lib/generation/worker/grade-solution";

export interface SuccessItem {
  type: "success";
  request: ClaimedRequest;
  text: string;
  finishReason: string;
  promptTokens: number | null;
  completionTokens: number | null;
  latencyMs: number;
  /** Solution kinds only: graded when it landed. */
  grade?: GradedSolution;
}

export interface FailureItem {
  type: "failure";
  request: ClaimedRequest;
  error: ClassifiedLlmError;
  /** No retry left, or not retryable: the request is failed for good. */
  final: boolean;
  retryInMs: number;
  at: string;
}

export type ResultItem = SuccessItem | FailureItem;
