// Text chunks -> numbered lines. Handles LF and CRLF, a missing final newline, and lines longer
// than a chunk. Blank (whitespace-only) lines are skipped but counted, and still advance the line
// number so locations match what an editor shows.

export interface NumberedLine {
  text: string;
  /** 1-based physical line number. */
  line: number;
}

export interface LineCounters {
  blankLines: number;
}

function isBlank(text: string): boolean {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  // Fast path: a JSON/CSV line almost always starts with a non-space character.
  if (first !== 0x20 && first !== 0x09 && first !== 0x0d && first !== 0x0b && first !== 0x0c && first !== 0xa0) return false;
  return text.trim().length === 0;
}

export async function* splitLines(texts: AsyncIterable<string>, counters?: LineCounters): AsyncGenerator<NumberedLine> {
  let pending: string[] = [];
  let line = 0;
  const emit = (raw: string): NumberedLine | null => {
    line++;
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (isBlank(text)) {
      if (counters) counters.blankLines++;
      return null;
    }
    return { text, line };
  };
  for await (const chunk of texts) {
    let start = 0;
    let nl = chunk.indexOf("\n");
    while (nl !== -1) {
      let raw = chunk.slice(start, nl);
      if (pending.length > 0) {
        pending.push(raw);
        raw = pending.join("");
        pending = [];
      }
      const out = emit(raw);
      if (out) yield out;
      start = nl + 1;
      nl = chunk.indexOf("\n", start);
    }
    if (start < chunk.length) pending.push(chunk.slice(start));
  }
  if (pending.length > 0) {
    const out = emit(pending.join(""));
    if (out) yield out;
  }
}
