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
  raw.forEach((encoded, index) => {
    let key: string;
    try {
      key = decodeURIComponent(encoded);
    } catch {
      throw new RtdbError('rtdb/invalid-path', 'Invalid path: Invalid token in path (bad percent-encoding)');
    }
    if (key.length === 0) return;
    if (options.allowPriorityLeaf && index === raw.length - 1 && key === '.priority') {
      segments.push(key);
      return;
    }
    const problem = keyProblem(key);
    if (problem) throw new RtdbError('rtdb/invalid-path', `Invalid path: Invalid token in path (${problem})`);
    segments.push(key);
  });
  if (segments.length > MAX_DEPTH)
    throw new RtdbError('rtdb/invalid-path', `Invalid path: deeper than ${MAX_DEPTH} levels`);
  return segments;
}
