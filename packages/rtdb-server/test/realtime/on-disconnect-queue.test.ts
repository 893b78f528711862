import { describe, expect, it } from 'vitest';
import { OnDisconnectQueue } from '../../src/realtime/on-disconnect-queue.js';

const ctx = { admin: false, auth: null, now: 0 };

describe('OnDisconnectQueue', () => {
  it('drains writes in registration order, once', () => {
    const queue = new OnDisconnectQueue();
    queue.add({ ops: [{ path: ['a'], value: 1, kind: 'set' }], ctx });
    queue.add({
      ops: [
        { path: ['b', 'x'], value: 2, kind: 'merge-child' },
        { path: ['b', 'y'], value: 3, kind: 'merge-child' },
      ],
      ctx,
    });
    expect(queue.size).toBe(2);
    expect(queue.drain().map((w) => w.ops.map((op) => op.path.join('/')))).toEqual([['a'], ['b/x', 'b/y']]);
    expect(queue.drain()).toEqual([]);
  });

  it('cancels the location and everything below it, keeping the rest of a merge', () => {
    const queue = new OnDisconnectQueue();
    queue.add({ ops: [{ path: ['p', 'me'], value: 1, kind: 'set' }], ctx });
    queue.add({
      ops: [
        { path: ['s', 'x'], value: 1, kind: 'merge-child' },
        { path: ['t'], value: 1, kind: 'merge-child' },
      ],
      ctx,
    });
    queue.add({ ops: [{ path: ['p'], value: 0, kind: 'set' }], ctx });
    queue.cancel(['p']);
    queue.cancel(['s', 'x']);
    expect(queue.drain().map((w) => w.ops.map((op) => op.path.join('/')))).toEqual([['t']]);
  });

  it('cancelling the root drops everything; an empty registration is ignored', () => {
    const queue = new OnDisconnectQueue();
    queue.add({ ops: [], ctx });
    expect(queue.size).toBe(0);
    queue.add({ ops: [{ path: ['a'], value: 1, kind: 'set' }], ctx });
    queue.cancel([]);
    expect(queue.size).toBe(0);
  });
});
