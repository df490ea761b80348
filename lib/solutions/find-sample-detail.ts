// Everything the sample view shows about one solution: the text, the problem and its gold answer,
// where it came from (batch, model, template version), and its review history.
import { prisma } from "@/lib/db/prisma";

export async function findSampleDetail(id: number) {
  return prisma().sample.findUnique({
    where: { id },
    include: {
      problem: { select: { id: true, text: true, goldAnswer: true, goldSource: true, majorityVotes: true, totalVotes: true, agreement: true, source: true, contaminationStatus: true } },
      set: { select: { id: true, name: true } },
      batch: { select: { id: true, name: true, model: true, temperature: true, topP: true, maxTokens: true, template: { select: { name: true, version: true } } } },
      annotations: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 100, include: { user: { select: { id: true, name: true, email: true } }, queue: { select: { id: true, name: true } } } },
    },
  });
}

export type SampleDetail = NonNullable<Awaited<ReturnType<typeof findSampleDetail>>>;
