import type { DataNode } from './data-node.js';

const BUCKET_BITS = 6;
const BUCKETS = 1 << BUCKET_BITS;
/** Below this many children a plain Map copy is cheaper than bucketing. */
export const CHILD_MAP_THRESHOLD = 256;

function bucketOf(key: string): number {
  // FNV-1a: cheap, and spreads push ids and integer keys evenly over the buckets.
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & (BUCKETS - 1);
}

const EMPTY_BUCKET: ReadonlyMap<string, DataNode> = new Map();

/**
 * An immutable children map for large nodes: the keys are spread over 64 buckets, and replacing
 * one child copies only its bucket. A write under a node with 100 000 children then copies ~1 600
 * entries instead of all of them. Iteration order is unspecified (callers sort keys anyway).
 */
export class ChildMap implements ReadonlyMap<string, DataNode> {
  private constructor(
    private readonly buckets: readonly ReadonlyMap<string, DataNode>[],
    /** Number of children. */
    readonly size: number,
  ) {}

  /** A bucketed copy of `map`. */
  static from(map: ReadonlyMap<string, DataNode>): ChildMap {
    if (map instanceof ChildMap) return map;
    const buckets: Map<string, DataNode>[] = Array.from({ length: BUCKETS }, () => new Map());
    for (const [key, value] of map) buckets[bucketOf(key)]!.set(key, value);
    return new ChildMap(buckets, map.size);
  }

  /** A copy with `key` set to `value`, or removed when `value` is undefined. */
  with(key: string, value: DataNode | undefined): ChildMap {
    const index = bucketOf(key);
    const bucket = this.buckets[index]!;
    const had = bucket.has(key);
    if (value === undefined && !had) return this;
    const copy = new Map(bucket);
    if (value === undefined) copy.delete(key);
    else copy.set(key, value);
    const buckets = [...this.buckets];
    buckets[index] = copy.size === 0 ? EMPTY_BUCKET : copy;
    return new ChildMap(buckets, this.size + (value === undefined ? -1 : had ? 0 : 1));
  }

  get(key: string): DataNode | undefined {
    return this.buckets[bucketOf(key)]!.get(key);
  }

  has(key: string): boolean {
    return this.buckets[bucketOf(key)]!.has(key);
  }

  *entries(): MapIterator<[string, DataNode]> {
    for (const bucket of this.buckets) yield* bucket.entries();
  }

  *keys(): MapIterator<string> {
    for (const bucket of this.buckets) yield* bucket.keys();
  }

  *values(): MapIterator<DataNode> {
    for (const bucket of this.buckets) yield* bucket.values();
  }

  [Symbol.iterator](): MapIterator<[string, DataNode]> {
    return this.entries();
  }

  forEach(
    callback: (value: DataNode, key: string, map: ReadonlyMap<string, DataNode>) => void,
    thisArg?: unknown,
  ): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  get [Symbol.toStringTag](): string {
    return 'ChildMap';
  }
}
