import { keyProblem, MAX_DEPTH, type Path } from '../core/path.js';
import { RtdbError } from '../core/rtdb-error.js';

/**
 * The data location of a REST URL path (`/a/b.json` → `['a','b']`), percent-decoded and
 * validated; `null` when the path does not end in `.json` (not a data request).
 */
export function restPathOf(pathname: string, options: { allowPriorityLeaf: boolean }): Path | null {
  if (!pathname.endsWith('.json')) return null;
  const raw = pathname
    .slice(0, -'.json'.length)
    .split('/')
    .filter((segment) => segment.length > 0);
  const segments: string[] = [];
  for (let index = 0; index < raw.length; index += 1) {
    const encoded = raw[index]!;
    let key = encoded;
    // Most keys carry no escapes: decoding them would only copy the string.
    if (encoded.includes('%')) {
      try {
        key = decodeURIComponent(encoded);
      } catch {
        throw new RtdbError(
          'rtdb/invalid-path',
          'Invalid path: Invalid token in path (bad percent-encoding)',
        );
      }
      if (key.length === 0) continue;
    }
    if (options.allowPriorityLeaf && index === raw.length - 1 && key === '.priority') {
      segments.push(key);
      continue;
    }
    const problem = keyProblem(key);
    if (problem) throw new RtdbError('rtdb/invalid-path', `Invalid path: Invalid token in path (${problem})`);
    segments.push(key);
  }
  if (segments.length > MAX_DEPTH)
    throw new RtdbError('rtdb/invalid-path', `Invalid path: deeper than ${MAX_DEPTH} levels`);
  return segments;
}
