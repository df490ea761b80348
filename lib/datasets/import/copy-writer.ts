// Writes COPY text lines into a `COPY ... FROM STDIN` stream in ~256 KiB chunks (one write per
// row would cost more than the rows), waiting for 'drain' when the socket is full, so the loader
// never holds more than one chunk in memory however large the file is.
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type CopyValue, copyLine } from "@/lib/datasets/import/copy-text";

const CHUNK_CHARS = 1 << 18;

export class CopyWriter {
  rows = 0;
  private parts: string[] = [];
  private chars = 0;
  private failure: Error | null = null;
  private readonly done: Promise<void>;
  private readonly stream: ReturnType<typeof copyFrom>;

  constructor(client: PoolClient, sql: string) {
    this.stream = client.query(copyFrom(sql));
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

  async write(values: readonly CopyValue[]): Promise<void> {
    const line = copyLine(values);
    this.parts.push(line);
    this.chars += line.length;
    this.rows++;
    if (this.chars >= CHUNK_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.parts.length === 0) return;
    const chunk = Buffer.from(this.parts.join(""), "utf8");
    this.parts = [];
    this.chars = 0;
    if (!this.stream.write(chunk)) {
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
  }

  /** Sends the last chunk and waits until the server has accepted every row. */
  async end(): Promise<number> {
    await this.flush();
    this.stream.end();
    await this.done;
    return this.rows;
  }
}
