import { describe, expect, it } from 'vitest';
import { changedMatches } from '../../src/core/changed-matches.js';
import { compileRefPattern } from '../../src/core/ref-pattern.js';

const pattern = compileRefPattern('devices/{uid}/readings/{readingId}');

describe('changedMatches', () => {
  it('finds a new reading under one device and nothing else', () => {
    const before = {
      u1: { readings: { a: { ir: 1 } }, latest: { ir: 1 } },
      u2: { readings: { z: { ir: 9 } } },
    };
    const after = {
      u1: { readings: { a: { ir: 1 }, b: { ir: 2 } }, latest: { ir: 2 } },
      u2: { readings: { z: { ir: 9 } } },
    };
    expect(changedMatches(pattern, 'devices', before, after)).toEqual([
      { ref: 'devices/u1/readings/b', params: { uid: 'u1', readingId: 'b' }, before: null, after: { ir: 2 } },
    ]);
  });

  it('reports removals and updates with both values', () => {
    const before = { u1: { readings: { a: { ir: 1 }, b: { ir: 2 } } } };
    const after = { u1: { readings: { b: { ir: 3 } } } };
    expect(changedMatches(pattern, 'devices', before, after)).toEqual([
      { ref: 'devices/u1/readings/a', params: { uid: 'u1', readingId: 'a' }, before: { ir: 1 }, after: null },
      {
        ref: 'devices/u1/readings/b',
        params: { uid: 'u1', readingId: 'b' },
        before: { ir: 2 },
        after: { ir: 3 },
      },
    ]);
  });

  it('starts from a scope below the prefix, with the captures of the scope itself', () => {
    expect(changedMatches(pattern, 'devices/u7/readings/r1', null, { ir: 5 })).toEqual([
      {
        ref: 'devices/u7/readings/r1',
        params: { uid: 'u7', readingId: 'r1' },
        before: null,
        after: { ir: 5 },
      },
    ]);
    expect(changedMatches(pattern, 'devices/u7', { latest: 1 }, { latest: 1, readings: { r: 1 } })).toEqual([
      { ref: 'devices/u7/readings/r', params: { uid: 'u7', readingId: 'r' }, before: null, after: 1 },
    ]);
    expect(changedMatches(pattern, 'devices/u7/latest', 1, 2)).toEqual([]);
  });

  it('ignores changes that do not reach the pattern depth', () => {
    expect(changedMatches(pattern, 'devices', { u1: { latest: 1 } }, { u1: { latest: 2 } })).toEqual([]);
    expect(changedMatches(pattern, 'devices', null, { u1: { readings: 5 } })).toEqual([]);
  });

  it('treats the whole subtree appearing at once as creations, arrays included', () => {
    const got = changedMatches(pattern, 'devices', null, { u1: { readings: { a: 1, b: 2 } } });
    expect(got.map((m) => m.ref)).toEqual(['devices/u1/readings/a', 'devices/u1/readings/b']);
    const fromArray = changedMatches(compileRefPattern('list/{i}'), 'list', null, ['x', null, 'z']);
    expect(fromArray.map((m) => [m.ref, m.after])).toEqual([
      ['list/0', 'x'],
      ['list/2', 'z'],
    ]);
  });

  it('walks literal-only patterns', () => {
    const p = compileRefPattern('config/servo');
    expect(changedMatches(p, 'config/servo', 1, 2)).toEqual([
      { ref: 'config/servo', params: {}, before: 1, after: 2 },
    ]);
    expect(changedMatches(p, 'config/servo', 1, 1)).toEqual([]);
  });

  it('fires a final ** where the write happened, or per changed child when written above it', () => {
    const logs = compileRefPattern('logs/{rest=**}');
    expect(changedMatches(logs, 'logs/a/b/c', null, 1)).toEqual([
      { ref: 'logs/a/b/c', params: { rest: 'a/b/c' }, before: null, after: 1 },
    ]);
    expect(changedMatches(logs, 'logs', { a: 1 }, { a: 1, b: { c: 2 }, d: 3 })).toEqual([
      { ref: 'logs/b', params: { rest: 'b' }, before: null, after: { c: 2 } },
      { ref: 'logs/d', params: { rest: 'd' }, before: null, after: 3 },
    ]);
  });
});
