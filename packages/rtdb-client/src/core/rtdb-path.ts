import { RtdbClientError } from './rtdb-client-error.js';

/** Characters Firebase forbids in keys: `. $ # [ ] /` and ASCII control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_KEY_CHARS = /[.$#[\]/\u0000-\u001f\u007f]/;
const MAX_KEY_BYTES = 768;
const MAX_DEPTH = 32;

/** Throws `rtdb-client/invalid-argument` unless `key` is a legal child name. */
export function validateKey(key: string, what = 'key'): void {
  if (key.length === 0) {
    throw new RtdbClientError('rtdb-client/invalid-argument', `${what} must not be empty`);
  }
  if (key === '.priority') return;
  if (FORBIDDEN_KEY_CHARS.test(key)) {
    throw new RtdbClientError(
      'rtdb-client/invalid-argument',
      `${what} ${JSON.stringify(key)} contains a character Firebase forbids (. $ # [ ] / or a control character)`,
    );
  }
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) {
    throw new RtdbClientError(
      'rtdb-client/invalid-argument',
      `${what} is longer than ${MAX_KEY_BYTES} UTF-8 bytes`,
    );
  }
}

/**
 * Splits a slash-separated database path into validated segments.
 *
 * Empty segments vanish, as Firebase treats `a//b` like `a/b`, so `""` and `"/"` are the root.
 */
export function parsePath(path: string): string[] {
  const segments = path.split('/').filter((segment) => segment.length > 0);
  if (segments.length > MAX_DEPTH) {
    throw new RtdbClientError(
      'rtdb-client/invalid-argument',
      `path ${JSON.stringify(path)} is deeper than ${MAX_DEPTH} levels`,
    );
  }
  segments.forEach((segment, index) => {
    if (segment === '.priority' && index !== segments.length - 1) {
      throw new RtdbClientError(
        'rtdb-client/invalid-argument',
        `.priority may only end a path: ${JSON.stringify(path)}`,
      );
    }
    validateKey(segment, `path segment of ${JSON.stringify(path)}:`);
  });
  return segments;
}

/** The canonical `/a/b` form of a list of segments (`/` for the root). */
export function formatPath(segments: readonly string[]): string {
  return '/' + segments.join('/');
}
