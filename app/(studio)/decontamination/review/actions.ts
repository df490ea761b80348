"use server";
// Reviewer actions of the decontamination queue: decide (contaminated / clean / unsure), undo,
// and the family actions (count first, then flag). Roles are checked on the server; the lib
// functions write the decision rows and audit entries in one transaction.
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { DEFAULT_EMBEDDING_THRESHOLD } from "@/lib/decontamination/pipeline/run-retrieval";
import { DECISIONS, decideProblem } from "@/lib/decontamination/review/decide-problem";
import { flagProblemGroup, previewGroupFlag } from "@/lib/decontamination/review/flag-problem-group";
import { undoContaminationDecision } from "@/lib/decontamination/review/undo-decision";
import { DEFAULT_FLAG_THRESHOLD } from "@/lib/decontamination/retrieve";

const id = z.number().int().positive();

export const decideProblemAction = authorizedAction(
  "decontam.decide",
  z.object({ problemId: id, decision: z.enum(DECISIONS), note: z.string().max(5000).nullish(), shownCandidateIds: z.array(id).max(100).optional(), confirmedNearCopy: z.boolean().optional() }),
  async (input, user) => decideProblem(input, user.id),
);

export const undoContaminationDecisionAction = authorizedAction("decontam.decide", z.object({ decisionId: id }), async ({ decisionId }, user) => undoContaminationDecision(decisionId, user.id));

const group = z.discriminatedUnion("kind", [z.object({ kind: z.literal("family"), problemId: id }), z.object({ kind: z.literal("benchmark"), benchmarkId: id })]);
const thresholds = { threshold: DEFAULT_FLAG_THRESHOLD, embeddingThreshold: DEFAULT_EMBEDDING_THRESHOLD };

export const previewGroupFlagAction = authorizedAction("decontam.decide", z.object({ group }), async (input) => previewGroupFlag(input.group, thresholds));

export const flagGroupAction = authorizedAction("decontam.decide", z.object({ group, confirmedCount: z.number().int().min(0) }), async (input, user) =>
  flagProblemGroup(input.group, input.confirmedCount, thresholds, user.id),
);
