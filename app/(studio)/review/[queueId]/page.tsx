import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page-guard";
import { prisma } from "@/lib/db/prisma";
import { ReviewSession } from "./review-session";
import { parseDbId } from "@/lib/http/parse-id";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewQueuePage({ params }: { params: Promise<{ queueId: string }> }) {
  await requirePageUser("review.annotate");
  const queueId = parseDbId((await params).queueId);
  if (queueId === null) notFound();
  const queue = await prisma().reviewQueue.findUnique({ where: { id: queueId }, select: { id: true, name: true, itemCount: true } });
  if (!queue) notFound();
  return <ReviewSession queueId={queue.id} queueName={queue.name} itemCount={queue.itemCount} />;
}
