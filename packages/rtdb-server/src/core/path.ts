import { RtdbError } from './rtdb-error.js';

/** A location in the tree as its segments (never empty strings); the root is `[]`. */
export type Path = readonly string[];

/** Deepest allowed location (segments below the root). */
export const MAX_DEPTH = 32;
/** Largest allowed key, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 768;

// Firebase forbids these in keys; `/` separates segments so it never reaches a key here.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_KEY_CHARS = /[.$#[\]/\u0000-\u001f\u007f]/;

/** The reason `key` is not a valid key, or `null` when it is valid. */
export function keyProblem(key: string): string | null {
  if (key.length === 0) return 'keys must be non-empty strings';
  if (FORBIDDEN_KEY_CHARS.test(key)) {
    return `key "${printable(key)}" contains a forbidden character (. $ # [ ] / or a control character)`;
  }
  if (key.length * 3 > MAX_KEY_BYTES && Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) {
    return `key is longer than ${MAX_KEY_BYTES} bytes`;
  }
  return null;
}

/** Options for {@link parsePath}. */
export interface ParsePathOptions {
  /** Accept a final `.priority` segment (a write that targets a node's priority). */
  allowPriorityLeaf?: boolean;
}

/**
 * Splits `/a/b` into segments, dropping empty ones (`a//b` is `a/b`). Throws
 * `rtdb/invalid-path` on forbidden characters, a key over 768 bytes or depth over 32.
 */
export function parsePath(text: string, options: ParsePathOptions = {}): Path {
  const segments = text.split('/').filter((segment) => segment.length > 0);
  const last = segments.length - 1;
  segments.forEach((segment, index) => {
    if (options.allowPriorityLeaf && index === last && segment === '.priority') return;
    const problem = keyProblem(segment);
    if (problem) throw new RtdbError('rtdb/invalid-path', `Invalid path "${printable(text)}": ${problem}`);
  });
  if (segments.length > MAX_DEPTH) {
    throw new RtdbError('rtdb/invalid-path', `Invalid path: deeper than ${MAX_DEPTH} levels`);
  }
  return segments;
}

/** `/a/b` for `['a','b']`, `/` for the root. */
export function pathToString(path: Path): string {
  return '/' + path.join('/');
}

/** `path` extended by `child` (which may itself hold several segments). */
export function pathChild(path: Path, child: string | Path): Path {
  const extra = typeof child === 'string' ? child.split('/').filter((s) => s.length > 0) : child;
  return [...path, ...extra];
}

/** The parent location; the root's parent is `null`. */
export function pathParent(path: Path): Path | null {
  return path.length === 0 ? null : path.slice(0, -1);
}

/** True when `a` is `b` or an ancestor of `b`. */
export function pathIsAncestorOrSelf(a: Path, b: Path): boolean {
  if (a.length > b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** True when both paths name the same location. */
export function pathEquals(a: Path, b: Path): boolean {
  return a.length === b.length && pathIsAncestorOrSelf(a, b);
}

/** `b` relative to its ancestor-or-self `a` (caller guarantees the relation). */
export function pathRelative(a: Path, b: Path): Path {
  return b.slice(a.length);
}

// Control characters are exactly what this escapes, so the lint rule against them does not apply.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/g;

function printable(text: string): string {
  const shown = text.replace(CONTROL_CHARACTER, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
}
