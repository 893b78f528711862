import type { IncomingMessage, ServerResponse } from 'node:http';
import { DataViewerError } from '../core/data-viewer-error.js';
import { operationEntry, type HttpExchange, type OperationEntry } from '../core/operation-entry.js';

/** The device events the feed forwards (other event types are ignored). */
export type FeedEvent =
  | ({ readonly type: 'http' } & HttpExchange)
  | { readonly type: 'lcd'; readonly lines: readonly [string, string] }
  | { readonly type: string };

/** What a page receives first on connecting: the recent past, so a reload loses nothing. */
export interface FeedSnapshot {
  /** The last operations, oldest first. */
  readonly operations: readonly OperationEntry[];
  /** The LCD as last shown, if the device has drawn anything yet. */
  readonly lcd: readonly [string, string] | null;
}

/** Options of {@link DeviceEventFeed}. */
export interface DeviceEventFeedOptions {
  /** How many operations are kept for pages that connect later (default 50, 1..1000). */
  readonly keep?: number;
}

/**
 * Relays a virtual device's event stream to pages as Server-Sent Events: `snapshot` once on
 * connecting ({@link FeedSnapshot}), then `operation` ({@link OperationEntry}) for every HTTP
 * exchange and `lcd` (`{lines}`) for every LCD change. Feed it with `device.on(e => feed.publish(e))`
 * and route a GET to {@link DeviceEventFeed.handle}; the page reads it with `EventSource`.
 */
export class DeviceEventFeed {
  private readonly keep: number;
  private readonly operations: OperationEntry[] = [];
  private readonly clients = new Set<ServerResponse>();
  private lcd: readonly [string, string] | null = null;
  private seq = 0;
  private closed = false;

  /** @param options - see {@link DeviceEventFeedOptions} */
  constructor(options: DeviceEventFeedOptions = {}) {
    const keep = options.keep ?? 50;
    if (!Number.isInteger(keep) || keep < 1 || keep > 1000)
      throw new DataViewerError(
        'data-viewer/bad-option',
        `keep must be an integer from 1 to 1000, got ${keep}`,
      );
    this.keep = keep;
  }

  /**
   * Takes one device event: HTTP exchanges become operations, LCD changes are passed on.
   * @param event - an event of the device's stream
   */
  publish(event: FeedEvent): void {
    if (this.closed) return;
    if (event.type === 'http') {
      const entry = operationEntry(event as HttpExchange, this.seq + 1);
      if (!entry) return;
      this.seq = entry.seq;
      this.operations.push(entry);
      if (this.operations.length > this.keep) this.operations.shift();
      this.broadcast('operation', entry);
    } else if (event.type === 'lcd' && 'lines' in event) {
      this.lcd = [event.lines[0], event.lines[1]];
      this.broadcast('lcd', { lines: this.lcd });
    }
  }

  /** The recent operations and the last LCD, as a page gets them on connecting. */
  snapshot(): FeedSnapshot {
    return { operations: [...this.operations], lcd: this.lcd };
  }

  /**
   * Serves one page's event stream; the response stays open until the page goes or
   * {@link DeviceEventFeed.close} is called.
   * @param req - the GET request
   * @param res - its response
   */
  handle(req: IncomingMessage, res: ServerResponse): void {
    if (this.closed) {
      res
        .writeHead(503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'the feed is closed' }));
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    // A retry hint: if the server restarts, EventSource reconnects after 1 s.
    res.write('retry: 1000\n\n');
    this.send(res, 'snapshot', this.snapshot());
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  }

  /** Ends every open stream; later events are dropped. */
  close(): void {
    this.closed = true;
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private broadcast(event: string, data: unknown): void {
    for (const res of this.clients) this.send(res, event, data);
  }

  private send(res: ServerResponse, event: string, data: unknown): void {
    // JSON.stringify never emits a raw newline, so one data line carries the whole payload.
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }
}
