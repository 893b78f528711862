import { request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { JsonValue } from '../core/json-equal.js';
import type { WriterIdentity } from '../core/writer-identity.js';
import { parseWriterIdentity } from '../core/writer-identity.js';
import { SseDecoder } from './sse-decoder.js';

/** A subtree to hear writes of: changes are reported at most `depth` segments deep (absent: where written). */
export interface FeedWatch {
  /** Location without leading slash (`''` is the root). */
  readonly path: string;
  /** Deepest reported location, in segments from the root. */
  readonly depth?: number;
}

/** One location's change, for one watch. */
export interface FeedChange {
  /** Index into the watches the feed was opened with. */
  readonly watch: number;
  /** Location without leading slash. */
  readonly path: string;
  /** Value before (`null`: absent). */
  readonly before: JsonValue;
  /** Value after (`null`: removed). */
  readonly after: JsonValue;
}

/** One committed write with the credential behind it. */
export interface FeedRecord {
  /** Who wrote. */
  readonly writer: WriterIdentity;
  /** Server time of the write, ms. */
  readonly time: number;
  /** The changes it made to watched locations. */
  readonly changes: readonly FeedChange[];
}

/** An open write feed. */
export interface WriteFeed {
  /** Settles once the server has subscribed the feed (writes after this are all reported). */
  readonly ready: Promise<void>;
  /** Closes the connection. */
  close(): void;
}

/** Where the kit's RTDB server serves its write feed. */
export const WRITE_FEED_PATH = '/.events/writes.json';

/**
 * Opens the local RTDB's write feed for one namespace with the owner credential: a
 * Server-Sent Events stream of every write touching the watched locations, each with the writer's
 * identity (what production tells database triggers, and the realtime protocol does not carry).
 *
 * @param onRecord - called for every write, in commit order
 * @param onEnd - called once if the feed ends after it was ready (server gone), with the reason
 */
export function openWriteFeed(
  databaseHost: string,
  namespace: string,
  watches: readonly FeedWatch[],
  onRecord: (record: FeedRecord) => void,
  onEnd: (reason: string) => void,
): WriteFeed {
  const path =
    `${WRITE_FEED_PATH}?ns=${encodeURIComponent(namespace)}&auth=owner` +
    `&watch=${encodeURIComponent(JSON.stringify(watches))}`;
  let readyResolve!: () => void;
  let readyReject!: (error: Error) => void;
  let isReady = false;
  let closed = false;
  const ready = new Promise<void>((resolve, reject) => {
    readyResolve = resolve;
    readyReject = reject;
  });
  const fail = (reason: string): void => {
    if (closed) return;
    closed = true;
    if (!isReady) readyReject(new Error(reason));
    else onEnd(reason);
  };
  const [hostname, port] = splitHost(databaseHost);
  const req = request(
    { hostname, port, path, headers: { Accept: 'text/event-stream' } },
    (res: IncomingMessage) => {
      if (res.statusCode !== 200) {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (text: string) => (body += text));
        res.on('end', () =>
          fail(
            res.statusCode === 404
              ? `the database at ${databaseHost} has no write feed (${WRITE_FEED_PATH}); the runner needs the kit's RTDB server`
              : `the write feed answered ${res.statusCode}: ${body.slice(0, 200)}`,
          ),
        );
        return;
      }
      const decoder = new SseDecoder();
      res.on('data', (chunk: Buffer) => {
        for (const message of decoder.push(chunk)) {
          if (message.event === 'ready') {
            isReady = true;
            readyResolve();
          } else if (message.event === 'write') {
            onRecord(parseRecord(message.data));
          }
        }
      });
      res.on('end', () => fail('the database closed the write feed'));
      res.on('error', (error) => fail(`the write feed broke: ${error.message}`));
    },
  );
  req.on('error', (error) => fail(`cannot reach the database at ${databaseHost}: ${error.message}`));
  req.end();
  return {
    ready,
    close: () => {
      closed = true;
      req.destroy();
    },
  };
}

function splitHost(databaseHost: string): [string, number] {
  const colon = databaseHost.lastIndexOf(':');
  return [databaseHost.slice(0, colon), Number(databaseHost.slice(colon + 1))];
}

function parseRecord(text: string): FeedRecord {
  const raw = JSON.parse(text) as { writer?: unknown; time?: unknown; changes?: unknown };
  const changes = Array.isArray(raw.changes) ? (raw.changes as FeedChange[]) : [];
  return {
    writer: parseWriterIdentity(raw.writer),
    time: typeof raw.time === 'number' ? raw.time : Date.now(),
    changes,
  };
}
