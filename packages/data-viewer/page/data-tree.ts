// The live tree of one database subtree, drawn from the firebase web SDK's onValue snapshots.
import { onValue } from 'firebase/database';
import type { DatabaseReference, Query } from 'firebase/database';
import { compareKeys, treeChanges } from '../src/core/tree-changes.js';

/** Options of {@link mountDataTree}. */
export interface DataTreeOptions {
  /** Text of the root row (default: the reference's path, e.g. `devices/u1`). */
  readonly label?: string;
  /** How long a removed node stays visible, fading out, in ms (default 2500). */
  readonly leaveMs?: number;
  /** A branch shows at most this many children, the last ones by key (default 50). */
  readonly maxChildren?: number;
  /** Paths (relative, e.g. `/readings`) collapsed at first. */
  readonly collapsed?: readonly string[];
}

/** A mounted tree. */
export interface MountedDataTree {
  /** The value of the last snapshot (`null` before the first one or when the subtree is empty). */
  value(): unknown;
  /** Stops listening and empties the container. */
  unmount(): void;
}

interface Ghost {
  readonly value: unknown;
  readonly until: number;
}

function isBranch(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function leafText(value: unknown): { text: string; kind: string } {
  if (typeof value === 'string') return { text: JSON.stringify(value), kind: 'dv-string' };
  if (typeof value === 'number') return { text: String(value), kind: 'dv-number' };
  if (typeof value === 'boolean') return { text: String(value), kind: 'dv-boolean' };
  return { text: JSON.stringify(value) ?? 'null', kind: '' };
}

function parentOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '' : path.slice(0, cut);
}

/**
 * Shows the live tree of `reference` in `container`: one row per node, branches collapse and
 * expand with their toggle, a value that changes flashes, a node that is deleted stays for a
 * moment struck through and fading. Every row carries `data-path` (relative to the reference,
 * `/` for the root) for tests and styles.
 * @param container - the element to draw into (its content is replaced)
 * @param reference - a `ref()` or `query()` of the official firebase web SDK
 * @param options - see {@link DataTreeOptions}
 */
export function mountDataTree(
  container: HTMLElement,
  reference: DatabaseReference | Query,
  options: DataTreeOptions = {},
): MountedDataTree {
  const leaveMs = options.leaveMs ?? 2500;
  const maxChildren = options.maxChildren ?? 50;
  const label =
    options.label ?? (decodeURIComponent(new URL(reference.toString()).pathname.replace(/^\//, '')) || '/');
  const collapsed = new Set(options.collapsed ?? []);
  const ghosts = new Map<string, Ghost>();
  let current: unknown = null;
  let received = false;
  let sweep: ReturnType<typeof setTimeout> | undefined;

  container.classList.add('dv-tree');

  const row = (path: string, key: string, value: unknown, classes: string[]): HTMLLIElement => {
    const li = document.createElement('li');
    li.className = ['dv-node', ...classes].join(' ');
    li.dataset['path'] = path === '' ? '/' : path;
    const line = document.createElement('span');
    line.className = 'dv-row';
    li.append(line);
    if (isBranch(value)) {
      const open = !collapsed.has(path);
      const toggle = document.createElement('button');
      toggle.type = 'button';
      toggle.className = 'dv-toggle';
      toggle.textContent = open ? '▾' : '▸';
      toggle.setAttribute('aria-expanded', String(open));
      toggle.setAttribute('aria-label', `${open ? 'collapse' : 'expand'} ${key}`);
      toggle.addEventListener('click', () => {
        if (collapsed.has(path)) collapsed.delete(path);
        else collapsed.add(path);
        draw(new Set());
      });
      const name = document.createElement('span');
      name.className = 'dv-key';
      name.textContent = key;
      const count = document.createElement('span');
      count.className = 'dv-count';
      const size = Object.keys(value).length;
      count.textContent = `{${size}}`;
      line.append(toggle, name, count);
    } else {
      const spacer = document.createElement('span');
      spacer.className = 'dv-toggle';
      const name = document.createElement('span');
      name.className = 'dv-key';
      name.textContent = `${key}:`;
      const shown = leafText(value);
      const text = document.createElement('span');
      text.className = `dv-value ${shown.kind}`.trim();
      text.textContent = shown.text;
      line.append(spacer, name, text);
    }
    return li;
  };

  const branch = (
    path: string,
    key: string,
    value: unknown,
    changed: Set<string>,
    leaving: boolean,
  ): HTMLLIElement => {
    const classes: string[] = [];
    if (leaving) classes.push('dv-removed');
    else if (changed.has(path === '' ? '/' : path)) classes.push('dv-changed');
    const li = row(path, key, value, classes);
    if (!isBranch(value) || collapsed.has(path)) return li;
    const children = new Map<string, { value: unknown; leaving: boolean }>();
    for (const [k, v] of Object.entries(value))
      if (v !== null && v !== undefined) children.set(k, { value: v, leaving });
    if (!leaving) {
      for (const [ghostPath, ghost] of ghosts) {
        const k = ghostPath.slice(ghostPath.lastIndexOf('/') + 1);
        if (parentOf(ghostPath) === path && !children.has(k))
          children.set(k, { value: ghost.value, leaving: true });
      }
    }
    const keys = [...children.keys()].sort(compareKeys);
    const ul = document.createElement('ul');
    if (keys.length > maxChildren) {
      const more = document.createElement('li');
      more.className = 'dv-empty';
      more.textContent = `… ${keys.length - maxChildren} earlier`;
      ul.append(more);
    }
    for (const k of keys.slice(-maxChildren)) {
      const child = children.get(k) as { value: unknown; leaving: boolean };
      ul.append(branch(`${path}/${k}`, k, child.value, changed, child.leaving));
    }
    li.append(ul);
    return li;
  };

  const draw = (changed: Set<string>): void => {
    const now = Date.now();
    for (const [path, ghost] of ghosts) if (ghost.until <= now) ghosts.delete(path);
    const ul = document.createElement('ul');
    if (!received) {
      const wait = document.createElement('li');
      wait.className = 'dv-empty';
      wait.textContent = 'loading…';
      ul.append(wait);
    } else if (ghosts.has('/')) {
      ul.append(branch('', label, (ghosts.get('/') as Ghost).value, changed, true));
    } else if (current === null || current === undefined) {
      const li = row('', label, '', []);
      li.querySelector('.dv-value')?.replaceChildren('(empty)');
      li.querySelector('.dv-value')?.classList.add('dv-empty');
      ul.append(li);
    } else {
      ul.append(branch('', label, current, changed, false));
    }
    container.replaceChildren(ul);
    if (sweep !== undefined) clearTimeout(sweep);
    sweep = undefined;
    if (ghosts.size > 0) {
      const next = Math.min(...[...ghosts.values()].map((g) => g.until));
      sweep = setTimeout(() => draw(new Set()), Math.max(next - Date.now(), 0) + 20);
    }
  };

  const valueAt = (root: unknown, path: string): unknown => {
    let node = root;
    for (const key of path.split('/').filter((k) => k !== '')) {
      if (!isBranch(node)) return undefined;
      node = node[key];
    }
    return node;
  };

  draw(new Set());
  const stop = onValue(reference, (snapshot) => {
    const next: unknown = snapshot.val();
    const changes = treeChanges(received ? current : null, next);
    const until = Date.now() + leaveMs;
    for (const path of changes.removed) {
      ghosts.set(path === '/' ? '/' : path, { value: valueAt(current, path === '/' ? '' : path), until });
    }
    // A node that came back is no longer leaving.
    for (const path of [...ghosts.keys()])
      if (valueAt(next, path === '/' ? '' : path) !== undefined && path !== '/') ghosts.delete(path);
    if (next !== null && ghosts.has('/')) ghosts.delete('/');
    current = next;
    const first = !received;
    received = true;
    draw(first ? new Set() : new Set(changes.changed));
  });

  return {
    value: () => current,
    unmount: () => {
      stop();
      if (sweep !== undefined) clearTimeout(sweep);
      container.replaceChildren();
    },
  };
}
