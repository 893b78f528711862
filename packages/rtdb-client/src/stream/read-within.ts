import type { ReadableStreamDefaultReader, ReadableStreamReadResult } from 'node:stream/web';
import type { Clock } from '../core/clock.js';

/** What {@link readWithin} returns when nothing arrived in time. */
export const IDLE = Symbol('idle');

/**
 * One `reader.read()`, or {@link IDLE} when nothing (not even a keep-alive) arrives within
 * `timeoutMs`: the sign of a half-open connection that would otherwise wait forever.
 */
export async function readWithin<T>(
  reader: ReadableStreamDefaultReader<T>,
  clock: Clock,
  timeoutMs: number | undefined,
): Promise<ReadableStreamReadResult<T> | typeof IDLE> {
  if (timeoutMs === undefined || timeoutMs <= 0) return reader.read();
  const read = reader.read();
  // The losing read rejects once the connection is torn down; nobody awaits it then.
  read.catch(() => {});
  const timer = new AbortController();
  try {
    return await Promise.race([read, clock.sleep(timeoutMs, timer.signal).then((): typeof IDLE => IDLE)]);
  } finally {
    timer.abort();
  }
}
