import { request, type IncomingMessage } from 'node:http';

/** One parsed SSE event. */
export interface SseEvent {
  event: string;
  data: unknown;
}

/** Incremental SSE parser: feed it chunks split anywhere; it yields complete events. */
export class SseParser {
  private buffer = '';
  private event = 'message';
  private data: string[] = [];

  feed(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const out: SseEvent[] = [];
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, newline).replace(/\r$/, '');
      this.buffer = this.buffer.slice(newline + 1);
      if (line === '') {
        if (this.data.length > 0) out.push({ event: this.event, data: JSON.parse(this.data.join('\n')) });
        this.event = 'message';
        this.data = [];
      } else if (line.startsWith('event:')) this.event = line.slice(6).trim();
      else if (line.startsWith('data:')) this.data.push(line.slice(5).replace(/^ /, ''));
    }
    return out;
  }
}

/** An open event stream with a queue of received events. */
export class SseClient {
  readonly events: SseEvent[] = [];
  response!: IncomingMessage;
  ended = false;
  private waiters: (() => void)[] = [];
  private readonly parser = new SseParser();
  private req!: ReturnType<typeof request>;

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    await new Promise<void>((resolve, reject) => {
      client.req = request(url, { headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
        client.response = res;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          client.events.push(...client.parser.feed(chunk));
          client.wake();
        });
        res.on('end', () => {
          client.ended = true;
          client.wake();
        });
        resolve();
      });
      client.req.on('error', (error) => (client.ended ? undefined : reject(error)));
      client.req.end();
    });
    return client;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Waits until `count` events have arrived (or the stream ended), up to `ms`. */
  async waitFor(count: number, ms = 5000): Promise<SseEvent[]> {
    const deadline = Date.now() + ms;
    while (this.events.length < count && !this.ended) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `only ${this.events.length} of ${count} events arrived: ${JSON.stringify(this.events)}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.events;
  }

  /** Waits until at least `count` events other than keep-alives have arrived; returns those. */
  async waitForData(count: number, ms = 5000): Promise<SseEvent[]> {
    const deadline = Date.now() + ms;
    for (;;) {
      const data = this.events.filter((e) => e.event !== 'keep-alive');
      if (data.length >= count || this.ended) return data;
      if (Date.now() > deadline)
        throw new Error(`only ${data.length} of ${count} events arrived: ${JSON.stringify(data)}`);
      await this.waitFor(this.events.length + 1, deadline - Date.now());
    }
  }

  /** Waits for the server to end the stream. */
  async waitEnd(ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.ended) {
      if (Date.now() > deadline) throw new Error('stream did not end');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  close(): void {
    this.req.destroy();
  }
}
