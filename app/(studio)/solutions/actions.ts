"use server";
// Server actions of the solutions browser: bulk actions (preview = the exact count to confirm,
// start = Task + job + audit; curators only), the progress the bar polls, and the facet counts.
// Roles are checked on the server.
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { MAX_DB_ID } from "@/lib/http/parse-id";
import { NotFoundError } from "@/lib/errors";
import { BulkRequestSchema } from "@/lib/solutions/bulk-action";
import { countFacetOptions, listFacetOptions } from "@/lib/solutions/find-solution-facets";
import { previewBulkAction } from "@/lib/solutions/preview-bulk-action";
import { parseSolutionView } from "@/lib/solutions/solution-view";
import { startBulkAction } from "@/lib/solutions/start-bulk-action";
import { readTaskStatusFor } from "@/lib/tasks/task-status";

export const previewBulk = authorizedAction("samples.bulk", BulkRequestSchema, (request) => previewBulkAction(request));

export const startBulk = authorizedAction(
  "samples.bulk",
  z.object({ request: BulkRequestSchema, confirmedCount: z.number().int().min(0), maxId: z.number().int().min(0) }),
  (input, user) => startBulkAction(input.request, { count: input.confirmedCount, maxId: input.maxId }, user.id),
);

// Any signed-in user may ask; the task's own kind then decides (the permission of the page that
// shows such tasks). A task the caller may not see is "not found", so its existence is not told.
// The same reader and check as GET /api/tasks/<id>, which the progress bars poll.
export const readTaskProgress = authorizedAction("dashboard.view", z.object({ taskId: z.number().int().positive().max(MAX_DB_ID) }), async ({ taskId }, user) => {
  const task = await readTaskStatusFor(user, taskId);
  if (!task) throw new NotFoundError(`Task #${taskId}`);
  return task;
});

/**
 * Facet counts for the view in `query` (the address's query string). Asked for by the filter panel
 * after the rows are on screen, so counting (bounded, but up to a few seconds of database work at
 * 14M rows) never competes with the first paint.
 */
export const loadFacetCounts = authorizedAction("dashboard.view", z.object({ query: z.string().max(20_000) }), async ({ query }) => {
  const { view } = parseSolutionView(new URLSearchParams(query));
  const options = await listFacetOptions(view.filter);
  return countFacetOptions(view.filter, options);
});
