/**
 * A parsed client → server message.
 *
 * - `control`: transport-level (`{"t":"c","d":{"t":<cmd>,"d":…}}`), e.g. a ping.
 * - `request`: a data-layer request (`{"t":"d","d":{"r":<id>,"a":<action>,"b":<body>}}`).
 */
export type ClientMessage =
  | { kind: 'control'; command: string; payload: unknown }
  | { kind: 'request'; id: number; action: string; body: Record<string, unknown> };

/** Why a client message could not be understood; `id` is set when the request id was readable. */
export class ClientMessageError extends Error {
  /**
   * @param message - what is wrong with the message
   * @param id - the request id, when it could be read, so the reply can be addressed
   */
  constructor(
    message: string,
    readonly id: number | null = null,
  ) {
    super(message);
    this.name = 'ClientMessageError';
  }
}

/**
 * Parses a reassembled message text into a {@link ClientMessage}.
 *
 * @param text - one complete message as reassembled by the frame decoder
 * @returns the message
 * @throws ClientMessageError when the text is not JSON or not a protocol envelope
 */
export function parseClientMessage(text: string): ClientMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ClientMessageError('message is not valid JSON');
  }
  if (!isPlainObject(parsed)) throw new ClientMessageError('message must be a JSON object');
  const layer = parsed['t'];
  const data = parsed['d'];
  if (layer === 'c') {
    if (!isPlainObject(data) || typeof data['t'] !== 'string') {
      throw new ClientMessageError('control message needs d.t');
    }
    return { kind: 'control', command: data['t'], payload: data['d'] };
  }
  if (layer !== 'd') throw new ClientMessageError('message layer t must be "c" or "d"');
  if (!isPlainObject(data)) throw new ClientMessageError('data message needs an object d');
  const id = data['r'];
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
    throw new ClientMessageError('data message needs an integer request id r');
  }
  const action = data['a'];
  if (typeof action !== 'string' || action.length === 0) {
    throw new ClientMessageError('data message needs an action a', id);
  }
  const body = data['b'] === undefined ? {} : data['b'];
  if (!isPlainObject(body)) throw new ClientMessageError('request body b must be an object', id);
  if (nestsDeeperThan(body, MAX_BODY_DEPTH)) {
    throw new ClientMessageError(`request body nests deeper than ${MAX_BODY_DEPTH} levels`, id);
  }
  return { kind: 'request', id, action, body };
}

/**
 * Deepest nesting accepted in a request body. Data may be 32 levels deep, plus a few for the body
 * itself and `.value`/`.sv` wrappers; anything far deeper is refused here, before recursive code
 * could run out of stack on it.
 */
export const MAX_BODY_DEPTH = 64;

function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** True for a non-null, non-array object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
