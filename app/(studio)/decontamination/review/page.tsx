import type { Metadata } from "next";
import { renderMathMarkdown } from "@/components/math/render-math-markdown";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listSetChoices } from "@/lib/datasets/sets/list-set-choices";
import { DEFAULT_EMBEDDING_THRESHOLD } from "@/lib/decontamination/pipeline/run-retrieval";
import { countQueue, describeQueueCount } from "@/lib/decontamination/review/count-queue";
import { findQueueNeighbour, findReviewProblem, isInQueue } from "@/lib/decontamination/review/find-review-problem";
import { describeReviewFilter, parseReviewFilter, reviewFilterQuery } from "@/lib/decontamination/review/review-filter";
import { DEFAULT_FLAG_THRESHOLD } from "@/lib/decontamination/retrieve";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyQueue } from "./empty-queue";
import { QueueFilterBar } from "./queue-filter-bar";
import { ReviewWorkspace } from "./review-workspace";
import { parseDbId } from "@/lib/http/parse-id";

export const metadata: Metadata = { title: "Decontamination review" };

/** The note the previous action leaves in the address: "decided-12-contaminated", "undone-12-flagged". */
function noticeText(raw: string | undefined): string | null {
  const m = /^(decided|undone)-(\d+)-([a-z_]+)$/.exec(raw ?? "");
  if (!m) return null;
  return m[1] === "decided" ? `Problem #${m[2]} marked ${m[3]}. Press z to undo.` : `Undone: problem #${m[2]} is ${m[3].replace("_", " ")} again.`;
}

const THRESHOLDS = { threshold: DEFAULT_FLAG_THRESHOLD, embeddingThreshold: DEFAULT_EMBEDDING_THRESHOLD };

export default async function DecontaminationReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("dashboard.view");
  const params = await searchParams;
  const filter = parseReviewFilter(params);
  const requested = parseDbId(params.problem);
  let problem = requested !== null ? await findReviewProblem(requested, THRESHOLDS) : null;
  if (!problem) {
    const first = await findQueueNeighbour(filter, null, "next", THRESHOLDS);
    problem = first ? await findReviewProblem(first.id, THRESHOLDS) : null;
  }
  const position = problem ? { status: problem.status, id: problem.id } : null;
  const [next, prev, inQueueNow] = position
    ? await Promise.all([findQueueNeighbour(filter, position, "next", THRESHOLDS), findQueueNeighbour(filter, position, "prev", THRESHOLDS), isInQueue(filter, position.id, THRESHOLDS)])
    : [null, null, false];
  // Bounded counts (see count-queue.ts): never more than 10,001 index entries per status.
  const queueCount = await countQueue(filter, inQueueNow ? position : null, THRESHOLDS);
  const sets = await listSetChoices({ order: "name" });
  const nameOf = (id: number | null) => sets.find((s) => s.id === id)?.name;
  const base = `/decontamination/review`;
  const notice = noticeText(Array.isArray(params.notice) ? params.notice[0] : params.notice);
  return (
    <div className="max-w-7xl space-y-4">
      <PageHeader
        title="Decontamination review"
        back={{ href: "/decontamination", label: "Decontamination" }}
        description={
          <>
            Queue: {describeReviewFilter(filter, { set: nameOf(filter.set), benchmarkSet: nameOf(filter.benchmarkSet) })}
          </>
        }
      />
      <QueueFilterBar filter={filter} sets={sets} />
      {problem ? (
        <ReviewWorkspace
          key={problem.id}
          problem={problem}
          problemHtml={renderMathMarkdown(problem.text)}
          benchmarkHtml={Object.fromEntries(problem.candidates.map((c) => [c.id, renderMathMarkdown(c.benchmarkText)]))}
          canDecide={can(user.role, "decontam.decide")}
          userId={user.id}
          hrefs={{
            next: next ? `${base}${reviewFilterQuery(filter, { problem: next.id })}` : null,
            prev: prev ? `${base}${reviewFilterQuery(filter, { problem: prev.id })}` : null,
            // After a decision: the next problem, or the queue's start (which may be empty).
            afterDecision: next ? `${base}${reviewFilterQuery(filter, { problem: next.id })}` : `${base}${reviewFilterQuery(filter)}`,
            queue: `${base}${reviewFilterQuery(filter)}`,
          }}
          inQueue={inQueueNow}
          queueCount={describeQueueCount(queueCount)}
          notice={notice}
        />
      ) : (
        <EmptyQueue userId={user.id} canDecide={can(user.role, "decontam.decide")} notice={notice} />
      )}
    </div>
  );
}
