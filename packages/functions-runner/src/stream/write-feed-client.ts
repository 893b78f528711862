import { SseParser } from '@iotkit/rtdb-client';
import type { JsonValue } from '../core/json-equal.js';
import type { WriterIdentity } from '../core/writer-identity.js';
import { parseWriterIdentity } from '../core/writer-identity.js';

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
  const abort = new AbortController();
  const url =
    `http://${databaseHost}${WRITE_FEED_PATH}?ns=${encodeURIComponent(namespace)}&auth=owner` +
    `&watch=${encodeURIComponent(JSON.stringify(watches))}`;
  let readyResolve!: () => void;
  let readyReject!: (error: Error) => void;
  let isReady = false;
  const ready = new Promise<void>((resolve, reject) => {
    readyResolve = resolve;
    readyReject = reject;
  });
  const fail = (reason: string): void => {
    if (abort.signal.aborted) return;
    if (!isReady) readyReject(new Error(reason));
    else onEnd(reason);
  };
  void (async () => {
    let response: Response;
    try {
      response = await fetch(url, { headers: { Accept: 'text/event-stream' }, signal: abort.signal });
    } catch (error) {
      fail(`cannot reach the database at ${databaseHost}: ${String(error)}`);
      return;
    }
    if (!response.ok || !response.body) {
      const body = await response.text().catch(() => '');
      fail(
        response.status === 404
          ? `the database at ${databaseHost} has no write feed (${WRITE_FEED_PATH}); the runner needs the kit's RTDB server`
          : `the write feed answered ${response.status}: ${body.slice(0, 200)}`,
      );
      return;
    }
    const parser = new SseParser();
    try {
      for await (const chunk of response.body) {
        for (const message of parser.push(chunk as Uint8Array)) {
          if (message.event === 'ready') {
            isReady = true;
            readyResolve();
          } else if (message.event === 'write') {
            onRecord(parseRecord(message.data));
          }
        }
      }
      fail('the database closed the write feed');
    } catch (error) {
      fail(`the write feed broke: ${String(error)}`);
    }
  })();
  return {
    ready,
    close: () => abort.abort(),
  };
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
