// Said under a problem or solution a page shows only the beginning of (lib/solutions/long-text.ts),
// with the link that downloads the whole text.
import type { TextHead } from "@/lib/solutions/long-text";

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("en-US")} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;
}

export function LongTextNotice({ text, downloadHref, what }: { text: TextHead; downloadHref: string; what: string }) {
  if (!text.truncated) return null;
  return (
    <p role="note" className="mt-2 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900">
      Showing the first {text.head.length.toLocaleString("en-US")} characters of this {what} ({formatBytes(text.bytes)} in all).{" "}
      <a href={downloadHref} download className="font-medium text-sky-800 underline">
        Download the whole {what}
      </a>
    </p>
  );
}
