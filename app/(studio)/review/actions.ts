"use server";
// Review actions: decisions and their undo (reviewers and up), queue creation (curators), and the
// focused review mode's item claims. Every check happens here, on the server.
import { z } from "zod";
import { renderLatex, renderMathMarkdown } from "@/components/math/render-math-markdown";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { annotateSample } from "@/lib/review/annotate-sample";
import { claimReviewItems, releaseReviewItems } from "@/lib/review/claim-review-items";
import { createReviewQueue } from "@/lib/review/create-review-queue";
import { ReviewQueueSpecSchema } from "@/lib/review/review-queue-spec";
import { undoAnnotation } from "@/lib/review/undo-annotation";
import { findSampleDetail } from "@/lib/solutions/find-sample-detail";
import { extractAnswer } from "@/lib/grading/extract";
import type { ReviewCard } from "./review-card";

const DecisionSchema = z.object({
  sampleId: z.number().int().positive(),
  decision: z.enum(["accepted", "rejected", "unsure"]),
  note: z.string().max(5_000).nullish(),
  itemId: z.number().int().positive().nullish(),
});

export const annotate = authorizedAction("review.annotate", DecisionSchema, (input, user) => annotateSample(input, user.id));

export const undoSolutionReview = authorizedAction("review.annotate", z.object({ annotationId: z.number().int().positive() }), ({ annotationId }, user) => undoAnnotation(annotationId, user.id));

export const createQueue = authorizedAction("review.queue.create", ReviewQueueSpecSchema, (spec, user) => createReviewQueue(spec, user.id));

async function cardFor(item: { itemId: number; sampleId: number; position: number; stratum: string | null }): Promise<ReviewCard | null> {
  const sample = await findSampleDetail(item.sampleId);
  if (!sample) return null;
  const extracted = extractAnswer(sample.text);
  return {
    itemId: item.itemId,
    position: item.position,
    stratum: item.stratum,
    sampleId: sample.id,
    problemId: sample.problemId,
    problemHtml: renderMathMarkdown(sample.problem.text),
    solutionHtml: renderMathMarkdown(sample.text, { highlight: extracted.ok ? extracted : null }),
    goldHtml: sample.problem.goldAnswer ? renderLatex(sample.problem.goldAnswer) : null,
    answerHtml: sample.extractedAnswer ? renderLatex(sample.extractedAnswer) : null,
    verdict: sample.verdict,
    verdictRule: sample.verdictRule,
    verdictReason: sample.verdictReason,
    reviewStatus: sample.reviewStatus,
    model: sample.model,
    finishReason: sample.finishReason,
  };
}

/** The next items of a queue for this reviewer (claimed and locked to them), ready to show. */
export const claimItems = authorizedAction(
  "review.annotate",
  z.object({ queueId: z.number().int().positive(), want: z.number().int().min(1).max(5), holding: z.array(z.number().int().positive()).max(200) }),
  async ({ queueId, want, holding }, user) => {
    const items = await claimReviewItems(queueId, user.id, want, holding);
    const cards = await Promise.all(items.map(cardFor));
    return cards.filter((c): c is ReviewCard => c !== null);
  },
);

export const releaseItems = authorizedAction(
  "review.annotate",
  z.object({ queueId: z.number().int().positive(), itemIds: z.array(z.number().int().positive()).max(200) }),
  async ({ queueId, itemIds }, user) => releaseReviewItems(queueId, user.id, itemIds),
);
