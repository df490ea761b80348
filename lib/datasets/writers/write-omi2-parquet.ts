import type { Writable } from "node:stream";
import { ByteWriter, parquetWriteRows } from "hyparquet-writer";
import type { ExportResult, ExportRow } from "@/lib/datasets/formats/export-row";
import { omi2Object } from "@/lib/datasets/formats/export-objects";
import { WritableSink } from "@/lib/datasets/writers/writable-sink";

// OMI2 rows as Parquet, the release's own format. hyparquet-writer encodes one row group at a time
// into a byte buffer and calls flush() after each; we hand that buffer to the output stream and
// wait until it is consumed before the next group is encoded. Memory is therefore one row group
// (rows + encoded bytes), whatever the total row count.

export const DEFAULT_ROW_GROUP_SIZE = 50_000;

export interface ParquetExportOptions {
  rowGroupSize?: number;
  /** expected_answer may be null (an export that keeps rows without a gold answer); the release's
   * column is required, so only then is it written optional. */
  nullableAnswer?: boolean;
  /** End the output stream when done (default true). */
  end?: boolean;
}

/** A hyparquet Writer whose buffer is drained to a Node stream at each row-group boundary. */
class StreamByteWriter extends ByteWriter {
  constructor(private readonly sink: WritableSink) {
    super(1 << 20);
  }

  async flush(): Promise<void> {
    if (this.index === 0) return;
    // Copy out: the buffer is reused for the next group, and a stream may keep a reference to
    // the chunk it was given (a PassThrough hands it to its reader as is).
    const chunk = Buffer.from(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
    await this.sink.writeBytes(chunk);
  }

  override finish(): Promise<void> {
    return this.flush();
  }
}

async function* releaseRows(rows: AsyncIterable<ExportRow> | Iterable<ExportRow>, counter: { rows: number }) {
  for await (const row of rows) {
    counter.rows++;
    yield omi2Object(row);
  }
}

export async function writeOmi2Parquet(
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>,
  out: Writable,
  options: ParquetExportOptions = {},
): Promise<ExportResult> {
  const sink = new WritableSink(out);
  const writer = new StreamByteWriter(sink);
  const counter = { rows: 0 };
  await parquetWriteRows({
    writer,
    rows: releaseRows(rows, counter),
    columns: [
      { name: "problem", type: "STRING", nullable: false },
      { name: "generated_solution", type: "STRING", nullable: false },
      { name: "expected_answer", type: "STRING", nullable: options.nullableAnswer === true },
      { name: "problem_source", type: "STRING", nullable: false },
    ],
    rowGroupSize: options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE,
    // Solutions repeat rarely but sources and answers do: let the writer pick dictionaries.
    codec: "SNAPPY",
    createdBy: "boxed",
  });
  await sink.end(options.end ?? true);
  return { rows: counter.rows, bytes: sink.bytes };
}
