import type { RtdbStreamEvent } from './rtdb-stream-event.js';

type Tree = Record<string, unknown>;

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null;
}

/** Arrays arrive for array-like maps; the cache keeps every interior node as a map. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) {
    const tree: Tree = {};
    value.forEach((child, index) => {
      const normal = normalise(child);
      if (normal !== null) tree[String(index)] = normal;
    });
    return Object.keys(tree).length > 0 ? tree : null;
  }
  if (isTree(value)) {
    const tree: Tree = {};
    for (const [key, child] of Object.entries(value)) {
      const normal = normalise(child);
      if (normal !== null) tree[key] = normal;
    }
    return Object.keys(tree).length > 0 ? tree : null;
  }
  return value ?? null;
}

/** Returns a copy of `root` with `value` at `segments` (null deletes and prunes emptied parents). */
function setAt(root: unknown, segments: readonly string[], value: unknown): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments as [string, ...string[]];
  const tree: Tree = isTree(root) ? { ...root } : {};
  const child = setAt(tree[head], rest, value);
  if (child === null) delete tree[head];
  else tree[head] = child;
  return Object.keys(tree).length > 0 ? tree : null;
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

/** Renders map nodes the way a REST read does: array-like maps become arrays (holes → null). */
function render(value: unknown): unknown {
  if (!isTree(value)) return value;
  const keys = Object.keys(value);
  const indexes = keys.map((key) => (/^(0|[1-9]\d*)$/.test(key) ? Number(key) : -1));
  if (keys.length > 0 && indexes.every((index) => index >= 0) && Math.max(...indexes) < 2 * keys.length) {
    const array: unknown[] = new Array<unknown>(Math.max(...indexes) + 1).fill(null);
    keys.forEach((key, i) => (array[indexes[i] as number] = render(value[key])));
    return array;
  }
  const out: Tree = {};
  for (const key of keys) out[key] = render(value[key]);
  return out;
}

/**
 * The local copy of a streamed location: apply each `put`/`patch` and read the full current value,
 * rendered as a REST `get()` would return it.
 */
export class ValueCache {
  private root: unknown = null;

  /** Applies one stream event. */
  apply(event: RtdbStreamEvent): void {
    const base = split(event.path);
    if (event.type === 'put') {
      this.root = setAt(this.root, base, normalise(event.data));
      return;
    }
    for (const [key, value] of Object.entries(event.data)) {
      this.root = setAt(this.root, [...base, ...split(key)], normalise(value));
    }
  }

  /** The full current value (`null` when nothing is stored). */
  value(): unknown {
    return render(this.root);
  }
}
