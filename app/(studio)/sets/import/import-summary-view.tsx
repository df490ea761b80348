"use client";

// The outcome of an import: counts (inserted, duplicate, rejected, solutions), the bad rows of a
// refused file, then grading progress and where our verdicts disagree with the file's, then the
// search index of a large new set (built in the background after grading).
import { TaskProgressMeter } from "@/components/ui/progress-meter";
import type { ImportSummary } from "@/lib/datasets/import/import-summary";
import { nemoSkillsSummaryLines } from "@/lib/datasets/import/nemo-skills-summary-lines";
import type { TaskStatus } from "@/lib/tasks/task-status";

const n = (x: number) => x.toLocaleString("en-US");

function Row({ label, value }: { label: string; value: string }) {
  return (
    <tr className="border-t border-slate-100">
      <th scope="row" className="py-1.5 pr-6 text-left font-normal text-slate-600">
        {label}
      </th>
      <td className="py-1.5 text-right tabular-nums">{value}</td>
    </tr>
  );
}

function SearchIndexStatus({ task }: { task: TaskStatus<"search-index"> }) {
  const heading =
    task.state === "completed"
      ? "Search index built"
      : task.state === "failed"
        ? "Search index failed"
        : task.state === "queued"
          ? "Search index waits for grading (then a worker builds it)"
          : "Building the search index";
  return (
    <div className="space-y-2 border-t border-slate-100 pt-3">
      <h3 className="font-medium">{heading}</h3>
      <p className="text-xs text-slate-600">
        Substring search in these solutions reads every row until the index is there; filters and sorting are indexed already.
      </p>
      {task.state === "running" && (
        <TaskProgressMeter label="Search index progress" task={task} unit="blocks" />
      )}
      {task.state === "failed" && <p className="text-xs text-red-700">{task.error}</p>}
    </div>
  );
}

export function ImportSummaryView({
  summary,
  grading,
  searchIndex,
  failedMessage,
}: {
  summary: ImportSummary;
  grading: TaskStatus<"grade-import"> | null;
  searchIndex?: TaskStatus<"search-index"> | null;
  failedMessage: string | null;
}) {
  if (!summary.ok) {
    return (
      <section aria-label="Import summary" className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-5 text-sm">
        <h2 className="font-semibold text-red-800">Nothing was imported</h2>
        <p className="text-red-800">{failedMessage ?? "The file was refused."} Fix the file and import it again; the database is unchanged.</p>
        <table className="text-red-900">
          <tbody>
            <Row label="Inserted" value="0" />
            <Row label="Rejected rows" value={n(summary.rejected)} />
          </tbody>
        </table>
        <ul className="list-disc space-y-1 pl-5 font-mono text-xs text-red-900">
          {summary.errors.slice(0, 50).map((e) => (
            <li key={e.message}>{e.message}</li>
          ))}
        </ul>
        {(summary.errorsTruncated || summary.errors.length > 50) && <p className="text-xs text-red-800">… and more.</p>}
      </section>
    );
  }
  const g = grading?.result ?? summary.grading;
  const gradingDone = grading?.state === "completed";
  return (
    <section aria-label="Import summary" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 text-sm">
      <h2 className="font-semibold">
        Imported {summary.files.join(", ")} into {summary.set?.name} ({summary.set?.role})
      </h2>
      <table>
        <tbody>
          <Row label="Rows read" value={n(summary.rows)} />
          <Row label="Problems inserted" value={n(summary.problemsInserted)} />
          <Row label="Duplicate problems" value={`${n(summary.duplicates)}${summary.duplicatesWithOtherAnswer ? ` (${n(summary.duplicatesWithOtherAnswer)} with another gold answer)` : ""}`} />
          <Row label="Rejected rows" value={n(summary.rejected)} />
          <Row label="Solutions inserted" value={n(summary.solutionsInserted)} />
          <Row label="Solutions on duplicate problems" value={n(summary.solutionsOnDuplicates)} />
          <Row label="Problems without gold answer" value={n(summary.problemsWithoutGold)} />
          {nemoSkillsSummaryLines(summary).map(([label, value]) => (
            <Row key={label} label={label} value={value} />
          ))}
          <Row label="Time" value={`${(summary.durationMs / 1000).toFixed(1)} s (${n(summary.rowsPerSecond)} rows/s)`} />
        </tbody>
      </table>
      {summary.duplicateExamples.length > 0 && (
        <details>
          <summary className="cursor-pointer text-slate-700">Duplicate examples</summary>
          <ul className="mt-1 list-disc pl-5 text-xs text-slate-600">
            {summary.duplicateExamples.map((d) => (
              <li key={d.where}>
                {d.where} ({d.sourceKey}) is problem {d.existingProblemId}
                {d.answerDiffers ? ", with another gold answer" : ""}
              </li>
            ))}
          </ul>
        </details>
      )}
      {grading && (
        <div className="space-y-2 border-t border-slate-100 pt-3">
          <h3 className="font-medium">{gradingDone ? "Grading finished" : grading.state === "queued" ? "Grading queued (waiting for a worker)" : "Grading"}</h3>
          {!gradingDone && (
            <TaskProgressMeter label="Grading progress" task={grading} unit="solutions" detail={null} />
          )}
          {gradingDone && g && (
            <table aria-label="Grading summary">
              <tbody>
                <Row label="Graded" value={n(g.graded)} />
                <Row label="Equal to the gold answer" value={n(g.equal)} />
                <Row label="Not equal" value={n(g.notEqual)} />
                <Row label="No answer" value={n(g.noAnswer)} />
                <Row label="Undecided" value={n(g.undecided)} />
                <Row label="With a verdict in the file" value={n(g.withFileVerdict)} />
                <Row label="Disagreements: file correct, ours not" value={n(g.fileCorrectWeWrong)} />
                <Row label="Disagreements: file wrong, ours equal" value={n(g.fileWrongWeCorrect)} />
                <Row label="File verdict, ours undecided" value={n(g.fileVerdictWeUndecided)} />
              </tbody>
            </table>
          )}
        </div>
      )}
      {searchIndex && <SearchIndexStatus task={searchIndex} />}
    </section>
  );
}
