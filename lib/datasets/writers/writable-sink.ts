import type { Writable } from "node:stream";

// Backpressure-aware writing to a Node Writable: small pieces are batched into ~64 KiB buffers
// (one write() per JSON line would dominate the cost at 14M rows), and when write() returns false
// we wait for 'drain' so a slow disk or network never makes us buffer the export in memory.

export class WritableSink {
  bytes = 0;
  private parts: string[] = [];
  private partChars = 0;

  constructor(
    private readonly out: Writable,
    private readonly batchChars = 1 << 16,
  ) {}

  async writeText(text: string): Promise<void> {
    this.parts.push(text);
    this.partChars += text.length;
    if (this.partChars >= this.batchChars) await this.flushText();
  }

  async flushText(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = Buffer.from(this.parts.join(""), "utf8");
    this.parts = [];
    this.partChars = 0;
    await this.writeBytes(chunk);
  }

  /** Write bytes; resolves when the stream can take more. The chunk is owned by the stream
   * afterwards and must not be mutated. */
  async writeBytes(chunk: Uint8Array): Promise<void> {
    this.bytes += chunk.length;
    if (!this.out.write(chunk)) await this.waitFor("drain");
  }

  async end(endStream: boolean): Promise<void> {
    await this.flushText();
    if (endStream) {
      await new Promise<void>((resolve, reject) => {
        this.out.once("error", reject);
        this.out.end(() => resolve());
      });
    }
  }

  private waitFor(event: "drain"): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const cleanup = () => {
        this.out.off(event, onEvent);
        this.out.off("error", onError);
        this.out.off("close", onClose);
      };
      const onEvent = () => {
        cleanup();
        resolve();
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onClose = () => {
        cleanup();
        reject(new Error("the output stream closed before the export finished"));
      };
      this.out.on(event, onEvent);
      this.out.on("error", onError);
      this.out.on("close", onClose);
    });
  }
}
