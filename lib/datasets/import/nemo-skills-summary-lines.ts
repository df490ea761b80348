// The NeMo-Skills part of an import summary as (label, value) lines, the same in the CLI and on
// the upload page: where the file verdicts came from, what was not taken as a gold answer, and
// what was skipped. Only lines with something to say.
import type { ImportSummary } from "@/lib/datasets/import/import-summary";
import { isReleaseSource, RELEASE_SOURCES } from "@/lib/datasets/formats/release-sources";

const n = (x: number) => x.toLocaleString("en-US");
const count = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;

export function nemoSkillsSummaryLines(summary: Pick<ImportSummary, "nemoSkills" | "source">): [label: string, value: string][] {
  const lines: [string, string][] = [];
  const nemo = summary.nemoSkills;
  if (nemo) {
    const from = Object.entries(nemo.verdictsFrom).filter(([, count]) => count > 0);
    if (from.length > 0) lines.push(["File verdicts from", from.map(([field, count]) => `${field} ${n(count)}`).join(", ")]);
    if (nemo.judgementsUnreadable) lines.push(["Judgements without a verdict", `${n(nemo.judgementsUnreadable)} (counted as "no", as NeMo-Skills does)`]);
    if (nemo.noVoteProblems) lines.push(["No answer to vote on", `${count(nemo.noVoteProblems, "problem", "problems")} (expected_answer "no_valid_answer_found": no gold)`]);
    if (nemo.seedAnswersIgnored) lines.push(["Seed answers not taken", `${count(nemo.seedAnswersIgnored, "new problem", "new problems")} not voted on yet (no gold)`]);
    if (nemo.emptyLines) lines.push(["Empty {} lines skipped", n(nemo.emptyLines)]);
    if (nemo.unfinishedThinking) lines.push(["Unfinished thinking skipped", n(nemo.unfinishedThinking)]);
    if (nemo.fullGeneration) {
      lines.push(["Full generations", nemo.fullGenerationMissing ? `imported (${n(nemo.fullGenerationMissing)} lines had none: generation taken)` : "imported"]);
    }
  }
  if (summary.source !== undefined && !isReleaseSource(summary.source)) {
    lines.push(["Source", `"${summary.source}" is not one of the release's (${RELEASE_SOURCES.join(", ")})`]);
  }
  return lines;
}
