// Streams rows into `COPY table (columns) FROM STDIN` in PostgreSQL's binary format
// (copy-binary.ts). Rows are encoded straight into ~512 KiB buffers and each full buffer is sent,
// waiting for 'drain' when the socket is full, so the loader never holds more than one buffer in
// memory however large the file is.
import type { ClientBase } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { COPY_BINARY_HEADER, COPY_BINARY_TRAILER, type CopyColumn, type CopyValue, maxRowBytes, writeRow } from "@/lib/datasets/import/copy-binary";

const BUFFER_BYTES = 1 << 19;

export interface CopyTarget {
  /** Table name, quoted here. */
  table: string;
  columns: readonly CopyColumn[];
  /** COPY FREEZE: only for a table created or truncated in this transaction. */
  freeze?: boolean;
}

export function copyStatement({ table, columns, freeze }: CopyTarget): string {
  return `COPY "${table}" (${columns.map((c) => c.name).join(", ")}) FROM STDIN WITH (FORMAT binary${freeze ? ", FREEZE" : ""})`;
}

export class CopyWriter {
  rows = 0;
  private buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = COPY_BINARY_HEADER.copy(this.buffer, 0);
  private failure: Error | null = null;
  private readonly done: Promise<void>;
  private readonly stream: ReturnType<typeof copyFrom>;
  private readonly columns: readonly CopyColumn[];

  constructor(client: ClientBase, target: CopyTarget) {
    this.columns = target.columns;
    this.stream = client.query(copyFrom(copyStatement(target)));
    this.done = new Promise<void>((resolve, reject) => {
      this.stream.on("finish", resolve);
      this.stream.on("error", (error: Error) => {
        this.failure = error;
        reject(error);
      });
    });
    // Rejections are re-thrown by write()/end(); this keeps an early one from going unhandled.
    this.done.catch(() => {});
  }

  /**
   * Adds a row; returns a promise only when a full buffer has to wait for the socket (awaiting
   * every row would cost ~0.3 s per million). Throws CopyValueError for a value its column cannot hold.
   */
  write(values: readonly CopyValue[]): Promise<void> | undefined {
    const bound = maxRowBytes(values);
    if (bound <= this.buffer.length - this.used) {
      this.used = writeRow(this.buffer, this.used, this.columns, values);
      this.rows++;
      return undefined;
    }
    return this.writeAfterFlush(values, bound);
  }

  private async writeAfterFlush(values: readonly CopyValue[], bound: number): Promise<void> {
    await this.flush();
    if (bound <= this.buffer.length) {
      this.used = writeRow(this.buffer, 0, this.columns, values);
    } else {
      // A row larger than a buffer (a solution of ~170,000 characters or more) goes alone.
      const big = Buffer.allocUnsafe(bound);
      await this.send(big.subarray(0, writeRow(big, 0, this.columns, values)));
    }
    this.rows++;
  }

  private async flush(): Promise<void> {
    if (this.used === 0) return;
    const chunk = this.buffer.subarray(0, this.used);
    // The stream keeps the chunk until the socket took it: the next rows go into a new buffer.
    this.buffer = Buffer.allocUnsafe(BUFFER_BYTES);
    this.used = 0;
    await this.send(chunk);
  }

  private async send(chunk: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.stream.write(chunk)) return;
    await new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        this.stream.off("error", onError);
        resolve();
      };
      const onError = (error: Error) => {
        this.stream.off("drain", onDrain);
        reject(error);
      };
      this.stream.once("drain", onDrain);
      this.stream.once("error", onError);
    });
  }

  /** Sends the last rows and the trailer, and waits until the server has accepted every row. */
  async end(): Promise<number> {
    if (this.buffer.length - this.used < COPY_BINARY_TRAILER.length) await this.flush();
    this.used += COPY_BINARY_TRAILER.copy(this.buffer, this.used);
    await this.flush();
    if (this.failure) throw this.failure;
    this.stream.end();
    await this.done;
    return this.rows;
  }
}
