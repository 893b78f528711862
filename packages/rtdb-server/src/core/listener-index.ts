import type { Path } from './path.js';

interface TrieNode<T> {
  listeners: Set<T> | undefined;
  children: Map<string, TrieNode<T>> | undefined;
}

/**
 * Listeners filed by location. A write at `p` reaches the listeners at `p`, above it and below
 * it; cost is the depth of `p` plus the listeners below it, not the total listener count.
 */
export class ListenerIndex<T> {
  private readonly root: TrieNode<T> = { listeners: undefined, children: undefined };
  private count = 0;

  /** Files `listener` at `path`; returns the function that removes it. */
  add(path: Path, listener: T): () => void {
    let node = this.root;
    for (const key of path) {
      node.children ??= new Map();
      let next = node.children.get(key);
      if (!next) {
        next = { listeners: undefined, children: undefined };
        node.children.set(key, next);
      }
      node = next;
    }
    node.listeners ??= new Set();
    node.listeners.add(listener);
    this.count += 1;
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      this.remove(path, listener);
    };
  }

  /** Number of filed listeners. */
  get size(): number {
    return this.count;
  }

  /** Every listener at, above or below one of `paths`, each once, in filing order per location. */
  affected(paths: readonly Path[]): Set<T> {
    const out = new Set<T>();
    for (const path of paths) {
      let node: TrieNode<T> | undefined = this.root;
      for (const key of path) {
        if (node.listeners) for (const l of node.listeners) out.add(l);
        node = node.children?.get(key);
        if (!node) break;
      }
      if (node) this.collect(node, out);
    }
    return out;
  }

  private collect(node: TrieNode<T>, out: Set<T>): void {
    if (node.listeners) for (const l of node.listeners) out.add(l);
    if (node.children) for (const child of node.children.values()) this.collect(child, out);
  }

  private remove(path: Path, listener: T): void {
    const trail: [TrieNode<T>, string][] = [];
    let node: TrieNode<T> | undefined = this.root;
    for (const key of path) {
      const next: TrieNode<T> | undefined = node.children?.get(key);
      if (!next) return;
      trail.push([node, key]);
      node = next;
    }
    if (!node.listeners?.delete(listener)) return;
    this.count -= 1;
    if (node.listeners.size === 0) node.listeners = undefined;
    // Prune empty branches so long-lived servers do not accumulate dead trie nodes.
    for (let i = trail.length - 1; i >= 0; i -= 1) {
      const [parent, key] = trail[i]!;
      const child = parent.children!.get(key)!;
      if (child.listeners || child.children?.size) break;
      parent.children!.delete(key);
      if (parent.children!.size === 0) parent.children = undefined;
    }
  }
}
