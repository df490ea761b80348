// Everything the sample view shows about one solution: the text, the problem and its gold answer,
// where it came from (batch, model, template version), and its review history. The solution's and
// the problem's texts are read up to TEXT_PREVIEW_CHARS (lib/solutions/long-text.ts): `text` and
// `problem.text` are those heads, `textHead` and `problemTextHead` say whether there is more.
import { prisma } from "@/lib/db/prisma";
import { readTextHead, type TextHead } from "@/lib/solutions/long-text";

export async function findSampleDetail(id: number) {
  const sample = await prisma().sample.findUnique({
    where: { id },
    omit: { text: true },
    include: {
      problem: { select: { id: true, goldAnswer: true, goldSource: true, majorityVotes: true, totalVotes: true, agreement: true, source: true, contaminationStatus: true } },
      set: { select: { id: true, name: true } },
      batch: { select: { id: true, name: true, model: true, temperature: true, topP: true, maxTokens: true, template: { select: { name: true, version: true } } } },
      annotations: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 100, include: { user: { select: { id: true, name: true, email: true } }, queue: { select: { id: true, name: true } } } },
    },
  });
  if (!sample) return null;
  const [textHead, problemTextHead] = await Promise.all([readTextHead("sample", id), readTextHead("problem", sample.problemId)]);
  const empty: TextHead = { head: "", bytes: 0, truncated: false };
  return {
    ...sample,
    text: (textHead ?? empty).head,
    textHead: textHead ?? empty,
    problem: { ...sample.problem, text: (problemTextHead ?? empty).head },
    problemTextHead: problemTextHead ?? empty,
  };
}

export type SampleDetail = NonNullable<Awaited<ReturnType<typeof findSampleDetail>>>;
