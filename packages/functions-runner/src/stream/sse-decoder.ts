/** One Server-Sent Event: its `event:` type (`message` when absent) and its `data:` lines joined. */
export interface SseEvent {
  /** The event type. */
  readonly event: string;
  /** The data, lines joined with `\n`. */
  readonly data: string;
}

/**
 * An incremental `text/event-stream` decoder for the write feed: feed it chunks cut anywhere (in
 * a line, a CRLF or a UTF-8 sequence) and it returns the events each chunk completed. Comment
 * lines (`: keep-alive`) and fields other than `event` and `data` are skipped.
 */
export class SseDecoder {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';
  private event = '';
  private data: string[] = [];

  /** Feeds bytes or text; returns the completed events. */
  push(chunk: Uint8Array | string): SseEvent[] {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const out: SseEvent[] = [];
    let newline: number;
    while ((newline = this.pending.indexOf('\n')) >= 0) {
      const line = this.pending.slice(0, newline).replace(/\r$/, '');
      this.pending = this.pending.slice(newline + 1);
      this.line(line, out);
    }
    return out;
  }

  private line(line: string, out: SseEvent[]): void {
    if (line === '') {
      if (this.data.length > 0) out.push({ event: this.event || 'message', data: this.data.join('\n') });
      this.event = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
  }
}
