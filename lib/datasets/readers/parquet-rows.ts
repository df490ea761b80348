import { open } from "node:fs/promises";
import { asyncBufferFromFile, type FileMetaData, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { type Compressors, compressors } from "hyparquet-compressors";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { ImportError } from "@/lib/datasets/formats/import-error";
import type { ImportLocation } from "@/lib/datasets/formats/import-record";
import type { Row } from "@/lib/datasets/formats/row-fields";
import type { ReadProgress } from "@/lib/datasets/readers/read-progress";
import { decompressZstdPage, loadZstd } from "@/lib/datasets/readers/zstd-pages";

// Parquet rows one row group at a time. Only the footer and the current (plus the prefetched next)
// row group are in memory, so memory is bounded by the writer's row-group size, not the file size.
// The OpenMathInstruct-2 release uses a few hundred MB per file; never read it whole.
// hyparquet itself decodes SNAPPY and uncompressed pages; hyparquet-compressors (the same authors'
// package) adds GZIP, BROTLI, LZ4 (Hadoop framing), LZ4_RAW and ZSTD, the codecs current Hugging
// Face files and DuckDB/pyarrow writers use. LZO, deprecated in the format, is refused by name.

const MAGIC = "PAR1";

// GZIP and BROTLI through Node's native zlib: the same output, ~10x faster than the pure-JS ones.
// ZSTD (how large releases are distributed) through zstd's WebAssembly build: zstd-pages.ts.
const CODECS: Compressors = {
  ...compressors,
  GZIP: (input) => new Uint8Array(gunzipSync(input)),
  BROTLI: (input) => new Uint8Array(brotliDecompressSync(input)),
  ZSTD: decompressZstdPage,
};

export interface ParquetSource {
  metadata: FileMetaData;
  /** Top-level column names from the schema. */
  columns: string[];
  totalRows: number;
}

async function checkMagic(path: string): Promise<number> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new ImportError({ code: "empty-file", file: path, detail: "the file is empty" });
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    if (head.toString("latin1") !== MAGIC) {
      throw new ImportError({ code: "not-parquet", file: path, byteOffset: 0, detail: "not a Parquet file: header magic PAR1 missing" });
    }
    const tail = Buffer.alloc(4);
    if (size >= 12) await handle.read(tail, 0, 4, size - 4);
    if (size < 12 || tail.toString("latin1") !== MAGIC) {
      throw new ImportError({ code: "truncated-parquet", file: path, byteOffset: size, detail: "truncated Parquet file: footer magic missing" });
    }
    return size;
  } finally {
    await handle.close();
  }
}

export async function openParquet(path: string): Promise<ParquetSource> {
  await checkMagic(path);
  const file = await asyncBufferFromFile(path);
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    throw new ImportError({ code: "truncated-parquet", file: path, detail: `unreadable Parquet footer (${(error as Error).message})` });
  }
  return { metadata, columns: topLevelColumns(metadata), totalRows: Number(metadata.num_rows) };
}

// The schema is a flattened tree: element 0 is the root with num_children top-level children, each
// followed by its own descendants.
function topLevelColumns(metadata: FileMetaData): string[] {
  const names: string[] = [];
  let i = 1;
  const rootChildren = metadata.schema[0]?.num_children ?? 0;
  for (let c = 0; c < rootChildren; c++) {
    const element = metadata.schema[i];
    if (!element) break;
    names.push(element.name);
    i = skipSubtree(metadata, i);
  }
  return names;
}

function skipSubtree(metadata: FileMetaData, index: number): number {
  const children = metadata.schema[index]?.num_children ?? 0;
  let next = index + 1;
  for (let c = 0; c < children; c++) next = skipSubtree(metadata, next);
  return next;
}

export interface ParquetRowItem {
  row: Row;
  loc: ImportLocation;
}

export async function* parquetRows(
  path: string,
  source: ParquetSource,
  columns: string[],
  progress?: ReadProgress,
): AsyncGenerator<ParquetRowItem> {
  const file = await asyncBufferFromFile(path);
  await loadZstd();
  const { metadata } = source;
  const groups = metadata.row_groups;
  const starts: number[] = [];
  let total = 0;
  for (const group of groups) {
    starts.push(total);
    total += Number(group.num_rows);
  }
  const readGroup = (g: number): Promise<Row[]> => {
    const rowStart = starts[g] as number;
    const rowEnd = rowStart + Number((groups[g] as (typeof groups)[number]).num_rows);
    return parquetReadObjects({ file, metadata, columns, rowStart, rowEnd, compressors: CODECS }).catch((error: Error) => {
      throw new ImportError({
        code: "parquet-read",
        file: path,
        rowGroup: g,
        row: rowStart,
        detail: `cannot decode row group ${g} (${error.message})`,
      });
    }) as Promise<Row[]>;
  };
  // Prefetch one group ahead so decoding overlaps with the consumer's work; at most two groups
  // are resident at a time.
  let next: Promise<Row[]> | null = groups.length > 0 ? readGroup(0) : null;
  next?.catch(() => {});
  for (let g = 0; g < groups.length; g++) {
    const rows = await (next as Promise<Row[]>);
    next = g + 1 < groups.length ? readGroup(g + 1) : null;
    next?.catch(() => {});
    const base = starts[g] as number;
    for (let i = 0; i < rows.length; i++) {
      yield { row: rows[i] as Row, loc: { file: path, rowGroup: g, row: base + i } };
    }
    rows.length = 0;
    progress?.addBytes(Number((groups[g] as (typeof groups)[number]).total_compressed_size ?? 0));
  }
  // Footer and page indexes are not part of any row group; finish the bar at 100%.
  if (progress && progress.bytesRead < progress.totalBytes) progress.addBytes(progress.totalBytes - progress.bytesRead);
}
