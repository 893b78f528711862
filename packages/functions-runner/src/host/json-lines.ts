/**
 * Splits a byte stream into JSON messages, one per line: feed it chunks cut anywhere (inside a
 * line or a UTF-8 sequence) and it returns the messages each chunk completed. A line that is not
 * JSON is returned as a `{ type: 'unparsable', line }` message rather than thrown, so a stray
 * write on the channel cannot break the reader.
 */
export class JsonLinesDecoder {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';

  /** Feeds bytes or text; returns the complete messages. */
  push(chunk: Uint8Array | string): unknown[] {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const lines = this.pending.split('\n');
    this.pending = lines.pop() ?? '';
    return lines.filter((line) => line.trim() !== '').map(parseLine);
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return { type: 'unparsable', line };
  }
}

/** One message as a line of the channel. */
export function encodeJsonLine(message: unknown): string {
  return `${JSON.stringify(message)}\n`;
}
