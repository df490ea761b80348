"use server";
// Splitting a review queue among reviewers (curators and up); see lib/review/assign-queue.ts.
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { assignQueue, MAX_REVIEWERS_PER_ITEM } from "@/lib/review/assign-queue";

const AssignSchema = z.object({
  queueId: z.number().int().positive(),
  reviewerIds: z.array(z.number().int().positive()).min(1, "choose at least one reviewer").max(200),
  perItem: z.number().int().min(1).max(MAX_REVIEWERS_PER_ITEM),
});

export const assignReviewQueue = authorizedAction("review.queue.create", AssignSchema, (input, user) => assignQueue(input, user.id));
