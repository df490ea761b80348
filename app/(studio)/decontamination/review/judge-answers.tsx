// The judge's answer for one pair, per order, with its raw reply (and why it failed).
import type { ReviewCandidate } from "@/lib/decontamination/review/find-review-problem";

const LABEL: Record<string, { text: string; cls: string }> = {
  said_true: { text: "True", cls: "bg-rose-100 text-rose-900" },
  said_false: { text: "False", cls: "bg-emerald-100 text-emerald-900" },
  failed: { text: "failed", cls: "bg-amber-100 text-amber-900" },
};

function Answer({ order, value, reply }: { order: string; value: string | null; reply?: { text: string | null; why?: string } }) {
  const shown = value ? LABEL[value] : null;
  return (
    <div>
      <dt className="text-xs text-slate-500">{order}</dt>
      <dd className="text-xs">
        {shown ? <span className={`rounded px-1.5 py-0.5 font-medium ${shown.cls}`}>{shown.text}</span> : <span className="text-slate-500">not asked</span>}
        {reply?.text != null && value !== "said_true" && value !== "said_false" && <span className="ml-1 text-slate-700">reply: “{reply.text.slice(0, 200)}”</span>}
        {reply?.why && <span className="ml-1 text-slate-600">({reply.why})</span>}
      </dd>
    </div>
  );
}

export function JudgeAnswers({ candidate }: { candidate: ReviewCandidate }) {
  return (
    <dl className="grid grid-cols-2 gap-2" aria-label="Judge answers">
      <Answer order="Judge, synthesized first" value={candidate.judgeForward} reply={candidate.judgeReplies.forward} />
      <Answer order="Judge, benchmark first" value={candidate.judgeBackward} reply={candidate.judgeReplies.backward} />
    </dl>
  );
}
