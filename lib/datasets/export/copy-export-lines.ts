// The Node side of the COPY export path (copy-jsonl-export.ts): splits PostgreSQL's output into
// lines, counts each one for the manifest and copies kept lines to the output. Each line is five
// fields separated by 0x1F:
//   kind · sample id · problem id · source as JSON · payload
// kind: k / q kept generated / reference solution (K / Q: trimmed), with the rendered line as
// payload; r reference left out; g no gold answer; c contaminated; n near-duplicate; v not
// correct; b no boxed; m multi-boxed; s too short; l too long; p problem too long; a arithmetic
// (each with what its reason needs); u / w a generated / reference solution without stored filter
// inputs, decided and rendered here (filterSolution, the general path's own code).
// Exact duplicates are dropped here, among the kept lines of one problem: the problem's parts of a
// line are the same for all its solutions, so two lines are equal exactly when the solutions are.
import type { ExportSettings } from "@/lib/datasets/export/export-settings";
import type { ExportStats } from "@/lib/datasets/export/export-stats";
import {
  duplicateReason,
  filterSolution,
  multiBoxedReason,
  NO_BOXED_REASON,
  ProblemChecks,
  problemTooLongReason,
  solutionTooLongReason,
  tooShortReason,
} from "@/lib/datasets/export/filter-export-row";
import type { WritableSink } from "@/lib/datasets/writers/writable-sink";

const SEPARATOR = 0x1f;
const NEWLINE = 0x0a;
const OUTPUT_CHUNK = 1 << 18;
const NEWLINE_BUFFER = Buffer.from("\n");

export class CopyExportLines {
  private carry: Buffer[] = [];
  private out: Buffer[] = [];
  private outBytes = 0;
  private readonly sources = new Map<string, string>();
  private readonly checks = new ProblemChecks();
  private dedupProblem = -1;
  private seen = new Set<string>();
  rows = 0;

  constructor(
    private readonly stats: ExportStats,
    private readonly sink: WritableSink,
    private readonly settings: ExportSettings,
    /** Appended to the solution inside its JSON string (sqlExportLineParts' solutionSuffix). */
    private readonly solutionSuffix: string,
  ) {}

  /** Takes one chunk of COPY output; true when enough output is waiting to be written. */
  push(chunk: Buffer): boolean {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      if (this.carry.length > 0) {
        this.carry.push(chunk.subarray(start, end));
        this.line(Buffer.concat(this.carry));
        this.carry = [];
      } else this.line(chunk.subarray(start, end));
      start = end + 1;
    }
    if (start < chunk.length) this.carry.push(chunk.subarray(start));
    return this.outBytes >= OUTPUT_CHUNK;
  }

  /** At the end of one COPY: every line must be complete. */
  async finish(): Promise<void> {
    if (this.carry.length > 0) throw new Error("the export stream ended inside a line");
    await this.flush();
  }

  async flush(): Promise<void> {
    if (this.outBytes === 0) return;
    const chunk = Buffer.concat(this.out, this.outBytes);
    this.out = [];
    this.outBytes = 0;
    await this.sink.writeBytes(chunk);
  }

  private line(line: Buffer): void {
    const a = line.indexOf(SEPARATOR);
    const b = line.indexOf(SEPARATOR, a + 1);
    const c = line.indexOf(SEPARATOR, b + 1);
    const d = line.indexOf(SEPARATOR, c + 1);
    if (a !== 1 || d === -1) throw new Error(`unexpected export line from PostgreSQL: ${line.subarray(0, 80).toString()}`);
    const rawSource = line.toString("utf8", c + 1, d);
    let source = this.sources.get(rawSource);
    if (source === undefined) {
      source = JSON.parse(rawSource) as string;
      this.sources.set(rawSource, source);
    }
    this.stats.scanned++;
    const kind = String.fromCharCode(line[0]);
    const sampleId = Number(line.toString("latin1", a + 1, b));
    const problemId = () => Number(line.toString("latin1", b + 1, c));
    switch (kind) {
      case "k":
      case "q":
      case "K":
      case "Q":
        // Newline included: the line sits inside its COPY chunk followed by "\n".
        this.keep(line.subarray(d + 1), sampleId, problemId, source, kind === "q" || kind === "Q", kind === "K" || kind === "Q");
        return;
      case "r":
        this.stats.leaveOutReference(sampleId);
        return;
      case "u":
      case "w":
        this.decide(line.toString("utf8", d + 1), sampleId, problemId(), source, kind === "w");
        return;
    }
    const payload = line.toString("utf8", d + 1);
    const s = this.settings;
    if (kind === "g") this.stats.remove("no-gold-answer", sampleId, `problem ${problemId()} has no gold answer`);
    else if (kind === "n") this.stats.remove("near-duplicate", sampleId, `problem ${problemId()} is a near-duplicate`);
    else if (kind === "c") this.stats.remove("contaminated", sampleId, `problem ${problemId()} is ${payload}`);
    else if (kind === "v") this.stats.remove("not-correct", sampleId, `verdict is ${payload}`);
    else if (kind === "b") this.stats.remove("no-boxed", sampleId, NO_BOXED_REASON);
    else if (kind === "m") this.stats.remove("multi-boxed", sampleId, multiBoxedReason(Number(payload)));
    else if (kind === "s") this.stats.remove("solution-too-short", sampleId, tooShortReason(Number(payload), s.minSolutionChars ?? 0));
    else if (kind === "l") this.stats.remove("solution-too-long", sampleId, solutionTooLongReason(s.maxSolutionTokens ?? 0));
    else if (kind === "p") this.stats.remove("problem-too-long", sampleId, problemTooLongReason(s.maxProblemTokens ?? 0));
    else if (kind === "a") this.stats.remove("arithmetic", sampleId, JSON.parse(payload) as string);
    else throw new Error(`unexpected export line kind ${JSON.stringify(kind)} from PostgreSQL`);
  }

  /** A row without stored inputs: payload = head · solution text as JSON · tail · problem text as JSON · token count, separated by 0x1D. */
  private decide(payload: string, sampleId: number, problemId: number, source: string, reference: boolean): void {
    const [head, solutionJson, tail, problemJson, tokens] = payload.split("\u001d");
    if (tokens === undefined) throw new Error(`sample ${sampleId}: malformed export line from PostgreSQL`);
    const decision = filterSolution(
      {
        sampleId,
        problemId,
        problem: JSON.parse(problemJson) as string,
        solution: JSON.parse(solutionJson) as string,
        // The database decided everything before this (gold, contamination, verdict): unused here.
        expectedAnswer: null,
        source,
        provenance: reference ? "reference" : "generated",
        verdict: "",
        contaminationStatus: "",
        tokenCount: tokens === "" ? null : Number(tokens),
        inputs: null,
      },
      this.settings,
      this.checks,
    );
    if (!decision.keep) {
      this.stats.remove(decision.filter, sampleId, decision.reason);
      return;
    }
    const body = Buffer.from(head + JSON.stringify(decision.solution + this.solutionSuffix) + tail, "utf8");
    this.keep(body, sampleId, () => problemId, source, reference, decision.trimmed);
  }

  private keep(body: Buffer, sampleId: number, problemId: () => number, source: string, reference: boolean, trimmed: boolean): void {
    if (this.settings.dedup) {
      const problem = problemId();
      if (problem !== this.dedupProblem) {
        this.dedupProblem = problem;
        this.seen = new Set();
      }
      const key = body.toString("latin1");
      if (this.seen.has(key)) {
        this.stats.remove("duplicate", sampleId, duplicateReason(problem));
        return;
      }
      this.seen.add(key);
    }
    if (trimmed) this.stats.trimmed++;
    this.stats.keep(source, reference ? "reference" : "generated");
    this.out.push(body, NEWLINE_BUFFER);
    this.outBytes += body.length + 1;
    this.rows++;
  }
}
