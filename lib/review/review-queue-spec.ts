// How a review queue is drawn, as stored in ReviewQueue.spec and validated at the door.
import { z } from "zod";
import { STRATA_DIMENSIONS } from "@/lib/review/review-strata";

export const MAX_QUEUE_SIZE = 100_000;

export const ReviewQueueSpecSchema = z.object({
  name: z.string().trim().min(1, "give the queue a name").max(200),
  size: z.number().int().min(1, "a queue needs at least one item").max(MAX_QUEUE_SIZE, `at most ${MAX_QUEUE_SIZE.toLocaleString("en-US")} items`),
  strata: z.array(z.enum(STRATA_DIMENSIONS)).max(STRATA_DIMENSIONS.length),
  allocation: z.enum(["equal", "proportional"]),
  /** The solutions browser's URL query the items are drawn from ("" = all solutions). */
  filterQuery: z.string().max(20_000),
  /** Seed of the random draw, so the same spec draws the same items. */
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
});
export type ReviewQueueSpec = z.infer<typeof ReviewQueueSpecSchema>;
