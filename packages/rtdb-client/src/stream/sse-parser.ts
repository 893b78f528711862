// One shared global regex: `consume` sets lastIndex before every use and is never re-entered.
const LINE_BREAK = /[\r\n]/g;

/** One dispatched Server-Sent Event. */
export interface SseMessage {
  /** The `event:` field, `message` when absent. */
  readonly event: string;
  /** The `data:` lines joined with `\n`. */
  readonly data: string;
  /** The last `id:` seen so far in the stream, if any. */
  readonly lastEventId: string | undefined;
}

/**
 * An incremental `text/event-stream` parser (WHATWG rules): feed it chunks cut anywhere (even in
 * the middle of a UTF-8 sequence or a CRLF) and it returns the events each chunk completed.
 *
 * The state is the undecoded UTF-8 tail (kept by a streaming `TextDecoder`), the unfinished line,
 * whether the last chunk ended in CR (so a following LF is not a second line break), and the fields
 * of the event being assembled.
 */
export class SseParser {
  private readonly decoder = new TextDecoder('utf-8');
  private line = '';
  private afterCR = false;
  private atStart = true;
  private eventType = '';
  private dataLines: string[] = [];
  private lastId: string | undefined;
  private retry: number | undefined;

  /** The reconnection delay the server asked for with `retry:`, in ms. */
  get retryMs(): number | undefined {
    return this.retry;
  }

  /** Feeds bytes (or already-decoded text) and returns the events they completed. */
  push(chunk: Uint8Array | string): SseMessage[] {
    const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    return this.consume(text);
  }

  /**
   * Signals the end of the stream. An event without its terminating blank line is dropped, as the
   * SSE spec requires, so nothing is returned for it.
   */
  end(): SseMessage[] {
    const events = this.consume(this.decoder.decode());
    this.line = '';
    this.dataLines = [];
    this.eventType = '';
    return events;
  }

  private consume(text: string): SseMessage[] {
    const events: SseMessage[] = [];
    let start = 0;
    if (this.atStart && text.length > 0) {
      this.atStart = false;
      if (text.charCodeAt(0) === 0xfeff) start = 1;
    }
    if (this.afterCR && text.length > start) {
      if (text.charCodeAt(start) === 0x0a) start += 1;
      this.afterCR = false;
    }
    LINE_BREAK.lastIndex = start;
    for (let match = LINE_BREAK.exec(text); match !== null; match = LINE_BREAK.exec(text)) {
      let i = match.index;
      const code = text.charCodeAt(i);
      this.line += text.slice(start, i);
      this.finishLine(events);
      if (code === 0x0d) {
        if (i + 1 === text.length) this.afterCR = true;
        else if (text.charCodeAt(i + 1) === 0x0a) i += 1;
      }
      start = i + 1;
      LINE_BREAK.lastIndex = start;
    }
    this.line += text.slice(start);
    return events;
  }

  private finishLine(events: SseMessage[]): void {
    const line = this.line;
    this.line = '';
    if (line.length === 0) {
      this.dispatch(events);
      return;
    }
    if (line.charCodeAt(0) === 0x3a) return; // a `:` comment line
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 0x20) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.dataLines.push(value);
        break;
      case 'id':
        if (!value.includes('\u0000')) this.lastId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
        break; // unknown fields are ignored by the spec
    }
  }

  private dispatch(events: SseMessage[]): void {
    if (this.dataLines.length > 0) {
      events.push({
        event: this.eventType || 'message',
        data: this.dataLines.join('\n'),
        lastEventId: this.lastId,
      });
    }
    this.dataLines = [];
    this.eventType = '';
  }
}
