/**
 * Collects a byte stream while keeping at most `limit` bytes: the first three quarters and the
 * last quarter, with a note saying how much was cut between them. Memory stays bounded whatever
 * a submission prints.
 */
export class BoundedText {
  private readonly headLimit: number;
  private readonly tailLimit: number;
  private head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer = Buffer.alloc(0);
  private dropped = 0;
  private total = 0;

  /** @param limit - maximum bytes kept */
  constructor(limit: number) {
    this.headLimit = Math.floor((limit * 3) / 4);
    this.tailLimit = limit - this.headLimit;
  }

  /** Bytes seen so far, kept or not. */
  get totalBytes(): number {
    return this.total;
  }

  /** Whether anything had to be cut. */
  get truncated(): boolean {
    return this.dropped > 0;
  }

  /**
   * Adds the next piece of the stream.
   * @param chunk - bytes or text
   */
  push(chunk: Buffer | string): void {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.total += buf.length;
    if (this.headBytes < this.headLimit) {
      const take = Math.min(buf.length, this.headLimit - this.headBytes);
      this.head.push(buf.subarray(0, take));
      this.headBytes += take;
      buf = buf.subarray(take);
    }
    if (buf.length === 0) return;
    const joined = Buffer.concat([this.tail, buf]);
    const excess = Math.max(0, joined.length - this.tailLimit);
    this.dropped += excess;
    this.tail = Buffer.from(joined.subarray(excess));
  }

  /** The kept text, with a marker where bytes were cut. */
  toString(): string {
    const head = Buffer.concat(this.head).toString('utf8');
    if (this.dropped === 0) return head + this.tail.toString('utf8');
    return `${head}\n… [${this.dropped} bytes cut: output limit reached] …\n${this.tail.toString('utf8')}`;
  }
}
