// Bulk actions on solutions: what can be done to many at once, and to which. A target is either
// rows picked by hand (ids) or everything matching a filter, frozen at the highest sample id that
// existed when the count was confirmed, so rows arriving later are not swept in unannounced.
import { z } from "zod";

export const BULK_ACTIONS = ["accept", "reject", "flag_contamination", "add_to_queue"] as const;
export type BulkActionName = (typeof BULK_ACTIONS)[number];

export const BULK_ACTION_LABELS: Record<BulkActionName, string> = {
  accept: "Accept",
  reject: "Reject",
  flag_contamination: "Flag problems for contamination review",
  add_to_queue: "Add to review queue",
};

/** Hand-picked rows are at most one page's worth many times over; more goes through a filter. */
export const MAX_PICKED_IDS = 5_000;
/** A review queue of more items than this is not a sample any more. */
export const MAX_QUEUE_ADDITIONS = 100_000;

export const BulkTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ids"), ids: z.array(z.number().int().positive()).min(1).max(MAX_PICKED_IDS) }),
  // The browser's URL query ("verdict=equal&set=2"), read by parseSolutionView.
  z.object({ kind: z.literal("filter"), query: z.string().max(20_000) }),
]);
export type BulkTarget = z.infer<typeof BulkTargetSchema>;

export const BulkRequestSchema = z
  .object({
    action: z.enum(BULK_ACTIONS),
    target: BulkTargetSchema,
    queueId: z.number().int().positive().optional(),
    note: z.string().max(2_000).optional(),
  })
  .refine((r) => r.action !== "add_to_queue" || r.queueId !== undefined, { message: "choose the review queue to add to", path: ["queueId"] });
export type BulkRequest = z.infer<typeof BulkRequestSchema>;

/** What the job receives (Task.payload): the request, frozen. */
export interface BulkTaskPayload {
  request: BulkRequest;
  /** Only samples with id <= maxId are touched (filter targets). */
  maxId: number;
  userId: number;
}
