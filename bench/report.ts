// Writes one benchmark's section of docs/benchmarks.md, replacing the previous run of the same
// benchmark and keeping the others, so the file always holds the latest figures of each.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const docPath = join(dirname(fileURLToPath(import.meta.url)), "..", "docs", "benchmarks.md");
const header = `# Benchmarks

Figures written by \`npm run bench -- <name>\`. Every benchmark runs its baseline in the same run and
reports ratios against it, because these 2-core machines are noisy; absolute numbers are for scale.
Each section is replaced when its benchmark runs again.
`;

export function machineLine(): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

export function writeBenchmarkSection(name: string, markdownBody: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const stamp = new Date().toISOString().replace("T", " ").slice(0, 16);
  const section = `${start}\n## ${name}\n\n_Run ${stamp} UTC on ${machineLine()}._\n\n${markdownBody.trim()}\n${end}`;
  let doc = existsSync(docPath) ? readFileSync(docPath, "utf8") : header;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from >= 0 && to > from) doc = doc.slice(0, from) + section + doc.slice(to + end.length);
  else doc = `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(docPath, doc);
  console.log(`wrote the "${name}" section of docs/benchmarks.md`);
}

export function percentile(sortedAscending: number[], p: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  const index = Math.min(sortedAscending.length - 1, Math.ceil((p / 100) * sortedAscending.length) - 1);
  return sortedAscending[Math.max(0, index)];
}
