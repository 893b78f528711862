// Listeners filed by location: a write reaches those at, above and below it, each once.
import { describe, expect, it } from 'vitest';
import { ListenerIndex } from '../../src/core/listener-index.js';
import type { Path } from '../../src/core/path.js';

function filed(paths: Record<string, Path>): ListenerIndex<string> {
  const index = new ListenerIndex<string>();
  for (const [name, path] of Object.entries(paths)) index.add(path, name);
  return index;
}

const layout = {
  root: [],
  a: ['a'],
  ab: ['a', 'b'],
  abc: ['a', 'b', 'c'],
  abd: ['a', 'b', 'd'],
  ax: ['a', 'x'],
  z: ['z'],
};

describe('ListenerIndex.affected', () => {
  it.each([
    [[['a', 'b']], ['root', 'a', 'ab', 'abc', 'abd']],
    [[['a', 'b', 'c']], ['root', 'a', 'ab', 'abc']],
    [[['a', 'b', 'c', 'deep']], ['root', 'a', 'ab', 'abc']],
    [[['a', 'q']], ['root', 'a']],
    [[['z']], ['root', 'z']],
    [[['y']], ['root']],
    [[[]], ['root', 'a', 'ab', 'abc', 'abd', 'ax', 'z']],
    [
      [['a', 'x'], ['z']],
      ['root', 'a', 'ax', 'z'],
    ],
    [[], []],
  ] as [Path[], string[]][])('a write at %j reaches %j', (paths, expected) => {
    expect([...filed(layout).affected(paths)].sort()).toEqual([...expected].sort());
  });

  it('reports a listener once even when several written locations reach it', () => {
    const index = filed(layout);
    expect(
      [
        ...index.affected([
          ['a', 'b', 'c'],
          ['a', 'b', 'd'],
          ['a', 'b'],
        ]),
      ].sort(),
    ).toEqual(['root', 'a', 'ab', 'abc', 'abd'].sort());
  });

  it('keeps filing order at one location', () => {
    const index = new ListenerIndex<string>();
    for (const name of ['first', 'second', 'third']) index.add(['p'], name);
    expect([...index.affected([['p']])]).toEqual(['first', 'second', 'third']);
  });

  it('finds nothing when nothing is filed', () => {
    expect(new ListenerIndex<string>().affected([['a'], []]).size).toBe(0);
  });
});

describe('ListenerIndex.add and removal', () => {
  it('counts listeners, including the same one at two places', () => {
    const index = new ListenerIndex<string>();
    expect(index.size).toBe(0);
    const one = index.add(['a'], 'l');
    index.add(['b'], 'l');
    expect(index.size).toBe(2);
    one();
    expect(index.size).toBe(1);
    expect([...index.affected([['a']])]).toEqual([]);
    expect([...index.affected([['b']])]).toEqual(['l']);
  });

  it('removing twice removes once', () => {
    const index = new ListenerIndex<string>();
    const remove = index.add(['a'], 'l');
    index.add(['a'], 'm');
    remove();
    remove();
    expect(index.size).toBe(1);
    expect([...index.affected([['a']])]).toEqual(['m']);
  });

  it('the same listener filed twice at one place is one entry, removed by the first remover', () => {
    const index = new ListenerIndex<string>();
    const first = index.add(['a'], 'l');
    const second = index.add(['a'], 'l');
    first();
    expect([...index.affected([['a']])]).toEqual([]);
    second();
    expect(index.affected([['a']]).size).toBe(0);
  });

  it('removal keeps listeners above, below and beside', () => {
    const index = filed(layout);
    const remove = index.add(['a', 'b'], 'extra');
    expect(index.size).toBe(8);
    remove();
    expect(index.size).toBe(7);
    expect([...index.affected([['a', 'b']])].sort()).toEqual(['root', 'a', 'ab', 'abc', 'abd'].sort());
  });

  it('prunes emptied branches but keeps branches that still hold listeners', () => {
    const index = new ListenerIndex<string>();
    const deep = index.add(['a', 'b', 'c'], 'deep');
    const mid = index.add(['a', 'b'], 'mid');
    const side = index.add(['a', 'x'], 'side');
    deep();
    expect([...index.affected([['a', 'b', 'c']])]).toEqual(['mid']);
    mid();
    expect([...index.affected([['a']])]).toEqual(['side']);
    // Re-filing below a pruned branch works.
    index.add(['a', 'b', 'c'], 'again');
    expect([...index.affected([['a', 'b']])]).toEqual(['again']);
    side();
    expect([...index.affected([['a']])]).toEqual(['again']);
    expect(index.size).toBe(1);
    const root = index.add([], 'root');
    root();
    expect(index.size).toBe(1);
    expect([...index.affected([[]])]).toEqual(['again']);
  });

  it('a parent listener survives removal of its child listener', () => {
    const index = new ListenerIndex<string>();
    index.add(['a'], 'parent');
    const child = index.add(['a', 'b'], 'child');
    child();
    expect([...index.affected([['a', 'b']])]).toEqual(['parent']);
    expect([...index.affected([['a']])]).toEqual(['parent']);
  });

  it('a listener whose branch was pruned and rebuilt by others is not removed twice', () => {
    const index = new ListenerIndex<string>();
    const a = index.add(['p', 'q'], 'a');
    a();
    index.add(['p', 'q'], 'b');
    a();
    expect(index.size).toBe(1);
    expect([...index.affected([['p', 'q']])]).toEqual(['b']);
  });

  it('a used remover does nothing to the same listener filed again later', () => {
    const index = new ListenerIndex<string>();
    const first = index.add(['p'], 'l');
    first();
    index.add(['p'], 'l');
    first();
    expect(index.size).toBe(1);
    expect([...index.affected([['p']])]).toEqual(['l']);
  });
});
