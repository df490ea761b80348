import { ImportError } from "@/lib/datasets/formats/import-error";
import type { LineCounters } from "@/lib/datasets/readers/line-splitter";

// Streaming RFC 4180 CSV: comma separator, CRLF or LF record ends, fields optionally in double
// quotes, "" for a quote inside quotes, quoted fields may span lines. Works on text chunks so a
// record may straddle chunks; only the current record is held in memory.

export interface CsvRecord {
  fields: string[];
  /** 1-based physical line where the record starts. */
  line: number;
}

const UNQUOTED_STOP = /[,\n"\r]/g;

export async function* csvRecords(texts: AsyncIterable<string>, file: string, counters?: LineCounters): AsyncGenerator<CsvRecord> {
  let fields: string[] = [];
  let field = "";
  let inQuotes = false;
  let closedQuote = false; // the current field was quoted and its closing quote has been seen
  let quotedAt = 0; // line where the open quoted field started
  let line = 1;
  let recordLine = 1;
  let carry = "";

  const syntax = (at: number, detail: string): ImportError =>
    new ImportError({ code: "csv-syntax", file, line: at, detail });

  const endRecord = (): CsvRecord | null => {
    fields.push(field);
    const record = fields;
    const wasQuoted = closedQuote;
    fields = [];
    field = "";
    closedQuote = false;
    const startLine = recordLine;
    line++;
    recordLine = line;
    if (record.length === 1 && !wasQuoted && (record[0] as string).trim() === "") {
      if (counters) counters.blankLines++;
      return null;
    }
    return { fields: record, line: startLine };
  };

  for await (const chunk of texts) {
    const text = carry + chunk;
    carry = "";
    let i = 0;
    const n = text.length;
    while (i < n) {
      if (inQuotes) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          const part = text.slice(i);
          field += part;
          line += countChar(part, "\n");
          i = n;
          break;
        }
        const part = text.slice(i, q);
        field += part;
        line += countChar(part, "\n");
        if (q + 1 >= n) {
          // Cannot tell `""` from a closing quote yet: decide with the next chunk.
          carry = '"';
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === 0x22) {
          field += '"';
          i = q + 2;
        } else {
          inQuotes = false;
          closedQuote = true;
          i = q + 1;
        }
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === 0x2c /* , */) {
        fields.push(field);
        field = "";
        closedQuote = false;
        i++;
      } else if (c === 0x0a /* \n */) {
        if (!closedQuote && field.endsWith("\r")) field = field.slice(0, -1);
        const record = endRecord();
        if (record) yield record;
        i++;
      } else if (c === 0x0d /* \r */ && closedQuote) {
        i++; // CR of a CRLF after a closing quote
      } else if (closedQuote) {
        throw syntax(line, `unexpected character ${JSON.stringify(text[i])} after a closing quote (field ${fields.length + 1})`);
      } else if (c === 0x22 /* " */) {
        if (field.length > 0) throw syntax(line, `a quote inside an unquoted field (field ${fields.length + 1}); quote the whole field and double inner quotes`);
        inQuotes = true;
        quotedAt = line;
        i++;
      } else {
        UNQUOTED_STOP.lastIndex = i;
        const stop = UNQUOTED_STOP.exec(text);
        let end = stop ? stop.index : n;
        // A lone \r inside an unquoted field is kept; only \r\n ends a record.
        if (end === i) end = i + 1;
        field += text.slice(i, end);
        i = end;
      }
    }
  }
  if (carry) {
    // The file ended right after a quote inside a quoted field: that quote closes it.
    inQuotes = false;
    closedQuote = true;
  }
  if (inQuotes) throw syntax(quotedAt, `unterminated quoted field (the file ends inside it)`);
  if (field.length > 0 || fields.length > 0 || closedQuote) {
    if (!closedQuote && field.endsWith("\r")) field = field.slice(0, -1);
    const record = endRecord();
    if (record) yield record;
  }
}

function countChar(text: string, ch: string): number {
  let count = 0;
  let at = text.indexOf(ch);
  while (at !== -1) {
    count++;
    at = text.indexOf(ch, at + 1);
  }
  return count;
}
