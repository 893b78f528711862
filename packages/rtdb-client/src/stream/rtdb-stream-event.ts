import { RtdbClientError } from '../core/rtdb-client-error.js';
import type { SseMessage } from './sse-parser.js';

/** `put`: replace the data at `path` (relative to the streamed location, `/` = the location). */
export interface RtdbPutEvent {
  /** Event type. */
  readonly type: 'put';
  /** Where, relative to the streamed location (`/` = the location itself). */
  readonly path: string;
  /** The new value there (`null` = deleted). */
  readonly data: unknown;
}

/** `patch`: set each child of `data` (keys may hold several segments) under `path`. */
export interface RtdbPatchEvent {
  /** Event type. */
  readonly type: 'patch';
  /** Where, relative to the streamed location. */
  readonly path: string;
  /** Children (relative paths) to set under `path`; `null` deletes one. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** A data event of a REST stream. The first event of every connection is a `put` at `/`. */
export type RtdbStreamEvent = RtdbPutEvent | RtdbPatchEvent;

/** What a raw SSE message means to the stream loop. */
export type StreamSignal =
  | { readonly kind: 'data'; readonly event: RtdbStreamEvent }
  | { readonly kind: 'keep-alive' }
  | { readonly kind: 'cancel'; readonly message: string }
  | { readonly kind: 'auth-revoked'; readonly message: string }
  | { readonly kind: 'ignored' };

function parseData(message: SseMessage): unknown {
  try {
    return JSON.parse(message.data) as unknown;
  } catch (cause) {
    throw new RtdbClientError(
      'rtdb-client/invalid-response',
      `the ${message.event} event carries invalid JSON: ${message.data.slice(0, 200)}`,
      { cause },
    );
  }
}

function parsePathData(message: SseMessage): { path: string; data: unknown } {
  const payload = parseData(message);
  if (
    typeof payload !== 'object' ||
    payload === null ||
    typeof (payload as { path?: unknown }).path !== 'string' ||
    !('data' in payload)
  ) {
    throw new RtdbClientError(
      'rtdb-client/invalid-response',
      `the ${message.event} event lacks "path" and "data": ${message.data.slice(0, 200)}`,
    );
  }
  return payload as { path: string; data: unknown };
}

/** Classifies one SSE message of a Firebase REST stream. */
export function interpretMessage(message: SseMessage): StreamSignal {
  switch (message.event) {
    case 'put': {
      const { path, data } = parsePathData(message);
      return { kind: 'data', event: { type: 'put', path, data } };
    }
    case 'patch': {
      const { path, data } = parsePathData(message);
      if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new RtdbClientError(
          'rtdb-client/invalid-response',
          `the patch event's data is not an object: ${message.data.slice(0, 200)}`,
        );
      }
      return { kind: 'data', event: { type: 'patch', path, data: data as Record<string, unknown> } };
    }
    case 'keep-alive':
      return { kind: 'keep-alive' };
    case 'cancel':
    case 'auth_revoked': {
      let text = message.data;
      try {
        const parsed: unknown = JSON.parse(message.data);
        if (typeof parsed === 'string') text = parsed;
      } catch {
        // The explanation may be bare text; keep it as sent.
      }
      return message.event === 'cancel'
        ? { kind: 'cancel', message: text }
        : { kind: 'auth-revoked', message: text };
    }
    default:
      return { kind: 'ignored' };
  }
}
