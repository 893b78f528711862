/**
 * One data segment of a client → server long-poll packet: the `seg<i>`, `ts<i>` and `d<i>`
 * parameters of a poll URL.
 */
export interface LongPollSegment {
  /** Position of the segment in the connection's stream of segments (starts at 0). */
  seg: number;
  /** How many segments the message it belongs to was cut into. */
  total: number;
  /** URL-safe base64 text (`-`, `_`, `.` padding). */
  data: string;
}

/**
 * A `/.lp` request, as the SDK's `BrowserPollConnection` sends them.
 *
 * - `start`: opens a connection (`start=t&ser&cb&v=5[&ns&p&ac&ls]`).
 * - `frame`: the hidden page that tells the server when the browser leaves (`dframe=t&id&pw`).
 * - `disconnect`: sent by that page on unload (`disconn=t&id&pw`).
 * - `poll`: keeps a response open for server messages, optionally carrying segments (`id&pw&ser[&seg0&ts0&d0…]`).
 */
export type LongPollRequest =
  | { kind: 'start'; callbackId: string; lastSessionId: string | null }
  | { kind: 'frame'; id: string; password: string }
  | { kind: 'disconnect'; id: string; password: string }
  | { kind: 'poll'; id: string; password: string; serial: number; segments: LongPollSegment[] };

/** A `/.lp` request the server refuses; the HTTP status is always 400. */
export class LongPollRequestError extends Error {
  /** @param message - what is wrong with the request */
  constructor(message: string) {
    super(message);
    this.name = 'LongPollRequestError';
  }
}

/** Most segments one poll URL may carry (the SDK fits a few into ~1870 characters). */
export const MAX_SEGMENTS_PER_REQUEST = 64;

// Callback ids end up in JavaScript identifiers the server writes, so only digits and letters.
const CALLBACK_ID = /^[A-Za-z0-9]{1,20}$/;
const TOKEN = /^[A-Za-z0-9]{1,64}$/;
const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;
const INTEGER = /^[0-9]{1,15}$/;
const WEB_SAFE_BASE64 = /^[A-Za-z0-9_-]*\.{0,2}$/;

/**
 * Reads a `/.lp` query string into a {@link LongPollRequest}.
 *
 * @param params - the request URL's query parameters
 * @returns the request
 * @throws LongPollRequestError naming the parameter at fault
 */
export function parseLongPollRequest(params: URLSearchParams): LongPollRequest {
  if (params.get('start') === 't') {
    const cb = params.get('cb');
    // Without `cb` the SDK runs in a context without window callbacks; the default name is kept.
    const callbackId = cb ?? '';
    if (cb !== null && !CALLBACK_ID.test(cb))
      throw new LongPollRequestError('cb must be 1-20 letters or digits');
    const version = params.get('v');
    if (version !== null && version !== '5')
      throw new LongPollRequestError(`unsupported protocol version v=${version} (this server speaks 5)`);
    const ls = params.get('ls');
    if (ls !== null && !SESSION_ID.test(ls)) throw new LongPollRequestError('ls is not a session id');
    return { kind: 'start', callbackId, lastSessionId: ls };
  }
  const id = params.get('id');
  const password = params.get('pw');
  if (id === null || password === null) {
    throw new LongPollRequestError('a long-poll request needs start=t, or the connection id and pw');
  }
  if (!TOKEN.test(id) || !TOKEN.test(password))
    throw new LongPollRequestError('id and pw must be 1-64 letters or digits');
  if (params.get('dframe') === 't') return { kind: 'frame', id, password };
  if (params.get('disconn') === 't') return { kind: 'disconnect', id, password };
  const ser = params.get('ser');
  if (ser === null || !INTEGER.test(ser))
    throw new LongPollRequestError('ser must be a non-negative integer');
  return { kind: 'poll', id, password, serial: Number(ser), segments: readSegments(params) };
}

function readSegments(params: URLSearchParams): LongPollSegment[] {
  const segments: LongPollSegment[] = [];
  for (let i = 0; params.has(`seg${i}`) || params.has(`ts${i}`) || params.has(`d${i}`); i += 1) {
    if (i >= MAX_SEGMENTS_PER_REQUEST)
      throw new LongPollRequestError(`more than ${MAX_SEGMENTS_PER_REQUEST} segments in one request`);
    const seg = params.get(`seg${i}`);
    const total = params.get(`ts${i}`);
    const data = params.get(`d${i}`);
    if (seg === null || total === null || data === null)
      throw new LongPollRequestError(`segment ${i} needs seg${i}, ts${i} and d${i}`);
    if (!INTEGER.test(seg)) throw new LongPollRequestError(`seg${i} must be a non-negative integer`);
    if (!INTEGER.test(total) || Number(total) < 1)
      throw new LongPollRequestError(`ts${i} must be a positive integer`);
    if (!WEB_SAFE_BASE64.test(data)) throw new LongPollRequestError(`d${i} is not URL-safe base64`);
    segments.push({ seg: Number(seg), total: Number(total), data });
  }
  return segments;
}

/**
 * Decodes the SDK's URL-safe base64 (alphabet `A-Z a-z 0-9 - _`, padding `.`) into UTF-8 text.
 *
 * @param data - the concatenated segment data of one message
 * @returns the message text
 * @throws LongPollRequestError when the text is not valid base64 of UTF-8
 */
export function decodeWebSafeBase64(data: string): string {
  if (!WEB_SAFE_BASE64.test(data) || data.length % 4 === 1)
    throw new LongPollRequestError('segment data is not URL-safe base64');
  const bytes = Buffer.from(data.replace(/\./g, ''), 'base64url');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LongPollRequestError('segment data is not UTF-8 text');
  }
}

/**
 * Encodes text the way the SDK does before cutting it into segments (the inverse of
 * {@link decodeWebSafeBase64}; used by tests and tools that speak long-polling).
 *
 * @param text - a message text
 * @returns URL-safe base64 with `.` padding
 */
export function encodeWebSafeBase64(text: string): string {
  return Buffer.from(text, 'utf8')
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=/g, '.');
}
