// Streams rows into `COPY table (columns) FROM STDIN` in CSV (copy-csv.ts). Lines are written
// straight into ~512 KiB buffers (no joined string, no second copy) and each full buffer is sent,
// waiting for 'drain' when the socket is full, so the loader never holds more than one buffer in
// memory however large the file is.
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type CopyValue, csvLine } from "@/lib/datasets/import/copy-csv";

const BUFFER_BYTES = 1 << 19;

export interface CopyTarget {
  /** Table name, quoted here. */
  table: string;
  columns: readonly string[];
  /** COPY FREEZE: only for a table created or truncated in this transaction. */
  freeze?: boolean;
}

export function copyStatement({ table, columns, freeze }: CopyTarget): string {
  return `COPY "${table}" (${columns.join(", ")}) FROM STDIN WITH (FORMAT csv${freeze ? ", FREEZE" : ""})`;
}

export class CopyWriter {
  rows = 0;
  private buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private failure: Error | null = null;
  private readonly done: Promise<void>;
  private readonly stream: ReturnType<typeof copyFrom>;

  constructor(client: PoolClient, target: CopyTarget) {
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

  /** Adds a row; resolves at once unless a full buffer had to wait for the socket. */
  write(values: readonly CopyValue[]): Promise<void> | undefined {
    const line = csvLine(values);
    this.rows++;
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    if (line.length * 3 <= this.buffer.length - this.used) {
      this.used += this.buffer.write(line, this.used);
      return undefined;
    }
    return this.writeSlow(line);
  }

  private async writeSlow(line: string): Promise<void> {
    await this.flush();
    if (line.length * 3 <= this.buffer.length) this.used += this.buffer.write(line, this.used);
    else await this.send(Buffer.from(line, "utf8"));
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

  /** Sends the last rows and waits until the server has accepted every one. */
  async end(): Promise<number> {
    await this.flush();
    if (this.failure) throw this.failure;
    this.stream.end();
    await this.done;
    return this.rows;
  }
}
