// The answer classes of a problem's solutions as a bar chart; each bar links to its samples.
import Link from "next/link";
import type { AnswerClass } from "@/lib/solutions/find-problem-detail";

export function AnswerHistogram({ problemId, classes, chosen }: { problemId: number; classes: AnswerClass[]; chosen: string | null; goldKeyHint?: string | null }) {
  const max = Math.max(...classes.map((c) => c.count));
  const total = classes.reduce((sum, c) => sum + c.count, 0);
  return (
    <ul aria-label="Answer classes" className="space-y-1 text-sm">
      {classes.map((c) => {
        const label = c.answerKey === "" ? "(no answer)" : (c.example ?? c.answerKey);
        const selected = chosen === c.answerKey;
        return (
          <li key={c.answerKey}>
            <Link
              href={`/problems/${problemId}?class=${encodeURIComponent(c.answerKey)}`}
              scroll={false}
              aria-current={selected ? "true" : undefined}
              className={`grid grid-cols-[10rem_1fr_6rem] items-center gap-2 rounded px-1 hover:bg-slate-50 ${selected ? "bg-sky-50" : ""}`}
            >
              <code className="truncate" title={c.answerKey}>
                {label}
              </code>
              <span className="h-3 rounded bg-slate-100">
                <span className={`block h-3 rounded ${c.equal > 0 ? "bg-emerald-500" : "bg-slate-400"}`} style={{ width: `${(c.count / max) * 100}%` }} />
              </span>
              <span className="text-right tabular-nums text-slate-600">
                {c.count} ({((c.count / total) * 100).toFixed(0)}%)
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
