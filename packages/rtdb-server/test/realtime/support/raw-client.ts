import WebSocket from 'ws';

/** A message as the server sent it (after frame reassembly), parsed. */
export type Received = { t: 'c' | 'd'; d: Record<string, unknown> };

/**
 * A bare WebSocket speaking the wire protocol by hand, reassembling frames exactly as the SDK's
 * `WebSocketConnection.handleIncomingFrame` does (a frame of at most 6 characters that parses as a
 * number announces a frame count).
 */
export class RawClient {
  readonly messages: Received[] = [];
  readonly frames: string[] = [];
  closed: { code: number; reason: string } | null = null;
  private nextId = 1;
  private expected = 0;
  private parts: string[] = [];
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.onFrame(String(data)));
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.wake();
    });
  }

  static async connect(port: number, ns: string, extraQuery = ''): Promise<RawClient> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/.ws?v=5&ns=${ns}${extraQuery}`);
    const client = new RawClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    await client.waitFor((m) => m.t === 'c' && m.d['t'] === 'h', 'hello');
    return client;
  }

  get hello(): Record<string, unknown> {
    return this.messages.find((m) => m.t === 'c' && m.d['t'] === 'h')!.d['d'] as Record<string, unknown>;
  }

  sendRaw(text: string): void {
    this.ws.send(text);
  }

  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }

  /** Sends a data request; returns its id. */
  request(action: string, body: unknown): number {
    const r = this.nextId++;
    this.send({ t: 'd', d: { r, a: action, b: body } });
    return r;
  }

  /** Sends a request and waits for its reply body `{s, d}`. */
  async call(action: string, body: unknown): Promise<{ s: string; d: unknown }> {
    const r = this.request(action, body);
    const reply = await this.waitFor((m) => m.t === 'd' && m.d['r'] === r, `reply to ${action}`);
    return reply.d['b'] as { s: string; d: unknown };
  }

  /** Index of the reply to request `r` in `messages`. */
  indexOfReply(r: number): number {
    return this.messages.findIndex((m) => m.t === 'd' && m.d['r'] === r);
  }

  /** Data pushes (`a` = action) received so far. */
  pushes(action?: string): { a: string; b: Record<string, unknown> }[] {
    return this.messages
      .filter((m) => m.t === 'd' && 'a' in m.d && (action === undefined || m.d['a'] === action))
      .map((m) => m.d as { a: string; b: Record<string, unknown> });
  }

  async waitFor(match: (m: Received) => boolean, what: string, timeoutMs = 5000): Promise<Received> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      if (this.closed) throw new Error(`socket closed (${this.closed.code}) while waiting for ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async waitClosed(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('socket did not close');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.closed;
  }

  close(): void {
    this.ws.terminate();
  }

  private onFrame(frame: string): void {
    this.frames.push(frame);
    if (this.expected === 0) {
      if (frame.length <= 6 && !Number.isNaN(Number(frame))) {
        this.expected = Number(frame);
        this.parts = [];
        return;
      }
      this.messages.push(JSON.parse(frame) as Received);
    } else {
      this.parts.push(frame);
      if (this.parts.length < this.expected) return;
      this.expected = 0;
      this.messages.push(JSON.parse(this.parts.join('')) as Received);
    }
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
