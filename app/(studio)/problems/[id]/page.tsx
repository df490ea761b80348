import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { renderLatex, renderMathInline, renderMathMarkdown } from "@/components/math/render-math-markdown";
import { RenderedMath } from "@/components/math/rendered-math";
import { type DataColumn, DataTable, numberColumn, NumTd, Row, Td } from "@/components/ui/data-table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { findClassSamples, findProblemDetail } from "@/lib/solutions/find-problem-detail";
import { firstLine } from "@/lib/solutions/find-solutions";
import { solutionHref } from "@/lib/solutions/solution-href";
import { StatusBadge } from "../../solutions/status-badge";
import { AnswerHistogram } from "./answer-histogram";
import { parseDbId } from "@/lib/http/parse-id";
import { LongTextNotice } from "@/components/ui/long-text-notice";
import { Section } from "@/components/ui/section";

const CANDIDATE_COLUMNS: DataColumn[] = [{ header: "Rank" }, { header: "Benchmark problem" }, numberColumn("Score"), numberColumn("Embedding"), { header: "Judge (→ / ←)" }];

export const metadata: Metadata = { title: "Problem" };

function ProblemLink({ id, text, extra }: { id: number; text: string; extra?: string }) {
  return (
    <Link href={`/problems/${id}`} className="block truncate hover:underline">
      <span className="text-slate-500">#{id}</span> <RenderedMath inline html={renderMathInline(firstLine(text))} /> {extra && <span className="text-xs text-slate-500">({extra})</span>}
    </Link>
  );
}

export default async function ProblemPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("dashboard.view");
  const id = parseDbId((await params).id);
  if (id === null) notFound();
  const detail = await findProblemDetail(id);
  if (!detail) notFound();
  const { problem } = detail;
  const query = await searchParams;
  const chosen = typeof query.class === "string" ? query.class : null;
  const classSamples = chosen === null ? [] : await findClassSamples(id, chosen);
  const totalSamples = detail.answerClasses.reduce((sum, c) => sum + c.count, 0);

  return (
    <div className="max-w-5xl space-y-4">
      <header>
        <p className="text-sm text-slate-500">
          Problem #{problem.id} ·{" "}
          <Link href={`/sets/${problem.set.id}`} className="hover:underline">
            {problem.set.name}
          </Link>{" "}
          · {problem.source}
          {problem.level ? ` · ${problem.level}` : ""}
          {problem.subject ? ` · ${problem.subject}` : ""} · <code>{problem.sourceKey}</code>
        </p>
        <div className="mt-1 flex flex-wrap gap-2">
          <StatusBadge value={problem.contaminationStatus} />
          <Link className="text-sm text-sky-700 hover:underline" href={`/solutions?problem=${problem.id}`}>
            All {totalSamples.toLocaleString("en-US")} solutions in the table →
          </Link>
        </div>
      </header>

      <Section card title="Problem">
        <RenderedMath html={renderMathMarkdown(problem.text)} className="leading-relaxed" />
        <LongTextNotice text={detail.textHead} downloadHref={`/api/problems/${problem.id}/text`} what="problem" />
      </Section>

      <Section card title="Gold answer" empty={problem.goldAnswer === null && "No gold answer yet."}>
        {problem.goldAnswer !== null && (
          <div className="flex flex-wrap items-center gap-3">
            <span className="text-lg">
              <RenderedMath inline html={renderLatex(problem.goldAnswer)} />
            </span>
            <span className="text-sm text-slate-600">
              {problem.goldSource === "dataset" && <>from the dataset ({problem.set.name})</>}
              {problem.goldSource === "majority_vote" && (
                <>
                  by majority vote: {problem.majorityVotes ?? "?"} of {problem.totalVotes ?? "?"} votes
                  {problem.agreement !== null ? ` (${(problem.agreement * 100).toFixed(1)}% agreement)` : ""}
                </>
              )}
              {problem.goldSource === "none" && <>source unknown</>}
            </span>
          </div>
        )}
      </Section>

      <Section card title="Answers of its solutions" empty={detail.answerClasses.length === 0 && "No solutions yet."}>
        <AnswerHistogram problemId={problem.id} classes={detail.answerClasses} chosen={chosen} goldKeyHint={problem.goldAnswer} />
        {chosen !== null && (
          <div className="mt-4">
            <h3 className="mb-2 text-sm font-medium">
              Solutions answering <code className="rounded bg-slate-100 px-1">{chosen === "" ? "(no answer)" : chosen}</code>{" "}
              <Link className="ml-2 text-xs text-sky-700 hover:underline" href={`/solutions?problem=${problem.id}&answer=${encodeURIComponent(chosen)}`}>
                open in the table
              </Link>
            </h3>
            <ul className="divide-y divide-slate-100 text-sm">
              {classSamples.map((s) => (
                <li key={s.id} className="flex items-center gap-3 py-1.5">
                  <Link href={solutionHref(s.id)} className="text-sky-700 hover:underline">
                    #{s.id}
                  </Link>
                  <StatusBadge value={s.verdict} />
                  <StatusBadge value={s.review_status} />
                  <span className="truncate text-slate-600">{firstLine(s.head)}</span>
                  <span className="ml-auto text-xs text-slate-500">{s.model ?? ""}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Section>

      <Section card title="Lineage">
        <dl className="space-y-3 text-sm">
          <div>
            <dt className="font-medium text-slate-600">Seed problem</dt>
            <dd>{problem.parent ? <ProblemLink id={problem.parent.id} text={problem.parent.text} extra={problem.parent.set.name} /> : <span className="text-slate-500">none (this is an original problem)</span>}</dd>
            {problem.createdByBatch && (
              <dd className="text-xs text-slate-500">
                written by batch{" "}
                <Link href={`/batches/${problem.createdByBatch.id}`} className="hover:underline">
                  {problem.createdByBatch.name}
                </Link>
              </dd>
            )}
          </div>
          <div>
            <dt className="font-medium text-slate-600">Augmented siblings ({detail.siblingCount.toLocaleString("en-US")})</dt>
            {detail.siblings.map((p) => (
              <dd key={p.id}>
                <ProblemLink id={p.id} text={p.text} extra={p.source} />
              </dd>
            ))}
          </div>
          <div>
            <dt className="font-medium text-slate-600">Children ({detail.childCount.toLocaleString("en-US")})</dt>
            {detail.children.map((p) => (
              <dd key={p.id}>
                <ProblemLink id={p.id} text={p.text} extra={p.source} />
              </dd>
            ))}
          </div>
        </dl>
      </Section>

      <Section
        card
        title="Contamination evidence"
        empty={detail.candidates.length === 0 && detail.matches.length === 0 && detail.decisions.length === 0 && "No candidates or decisions recorded."}
      >
        <div className="space-y-3 text-sm">
            {detail.candidates.length > 0 && (
              <DataTable variant="plain" caption="Benchmark problems close to this one" columns={CANDIDATE_COLUMNS}>
                {detail.candidates.map((c) => (
                  <Row key={c.id}>
                    <Td>{c.rank}</Td>
                    <Td className="max-w-md">
                      <ProblemLink id={c.benchmark.id} text={c.benchmark.text} extra={c.benchmark.set.name} />
                      {c.exact && <span className="text-xs text-rose-700">exact match</span>}
                    </Td>
                    <NumTd>{c.score.toFixed(3)}</NumTd>
                    <NumTd>{c.embeddingScore?.toFixed(3) ?? "–"}</NumTd>
                    <Td>
                      {c.judgeForward ?? "–"} / {c.judgeBackward ?? "–"}
                    </Td>
                  </Row>
                ))}
              </DataTable>
            )}
            {detail.matches.length > 0 && (
              <div>
                <p className="text-xs text-slate-500">Training problems close to this benchmark problem</p>
                <ul>
                  {detail.matches.map((c) => (
                    <li key={c.id} className="flex items-center gap-2">
                      <span className="tabular-nums text-slate-500">{c.score.toFixed(3)}</span>
                      <ProblemLink id={c.problem.id} text={c.problem.text} extra={c.problem.set.name} />
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {detail.decisions.length > 0 && (
              <ul className="space-y-1">
                {detail.decisions.map((d) => (
                  <li key={d.id} className={d.undoneAt ? "text-slate-400 line-through" : ""}>
                    <StatusBadge value={d.decision} /> by {d.user?.name ?? d.user?.email ?? "unknown"} on {d.createdAt.toISOString().slice(0, 16).replace("T", " ")}
                    {d.note ? ` — ${d.note}` : ""}
                  </li>
                ))}
              </ul>
            )}
        </div>
      </Section>

      <Section card title="Review history" empty={detail.history.length === 0 && "None of its solutions has been reviewed."}>
        <ul className="space-y-1 text-sm">
            {detail.history.map((h) => (
              <li key={h.id} className={h.superseded_at ? "text-slate-400 line-through" : ""}>
                <Link href={solutionHref(h.sample_id)} className="text-sky-700 hover:underline">
                  #{h.sample_id}
                </Link>{" "}
                <StatusBadge value={h.decision} /> by {h.reviewer ?? "unknown"} {h.queue_name ? `in "${h.queue_name}"` : ""} on {h.created_at.toISOString().slice(0, 16).replace("T", " ")}
                {h.note ? ` — ${h.note}` : ""}
              </li>
            ))}
        </ul>
      </Section>
    </div>
  );
}
