// The last audit entries: who did what, when. The full, filterable log is /audit.
import Link from "next/link";
import { Section } from "@/components/ui/section";
import type { ActivityEntry } from "@/lib/dashboard/find-recent-activity";

const when = (iso: string) => `${new Date(iso).toISOString().replace("T", " ").slice(0, 16)} UTC`;

export function RecentActivity({ entries }: { entries: ActivityEntry[] }) {
  return (
    <Section
      id="recent-activity"
      title="Recent activity"
      actions={
        <Link href="/audit" className="text-sm text-sky-700 hover:underline">
          Full audit log
        </Link>
      }
      empty={entries.length === 0 && "Nothing recorded yet."}
    >
      <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
        {entries.map((e) => (
          <li key={e.id} className="grid grid-cols-[9rem_1fr_auto] gap-3 px-4 py-2">
            <span className="truncate text-slate-700" title={e.who}>
              {e.who}
            </span>
            <span className="truncate">
              <code className="text-xs">{e.action}</code>
              {e.object && <span className="text-slate-600"> · {e.object}</span>}
            </span>
            <time dateTime={e.at} className="text-xs tabular-nums text-slate-500">
              {when(e.at)}
            </time>
          </li>
        ))}
      </ol>
    </Section>
  );
}
