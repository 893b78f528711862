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
    expect(changedMatches(pattern, before, after)).toEqual([
      { ref: 'devices/u1/readings/b', params: { uid: 'u1', readingId: 'b' }, before: null, after: { ir: 2 } },
    ]);
  });

  it('reports removals and updates with both values', () => {
    const before = { u1: { readings: { a: { ir: 1 }, b: { ir: 2 } } } };
    const after = { u1: { readings: { b: { ir: 3 } } } };
    expect(changedMatches(pattern, before, after)).toEqual([
      { ref: 'devices/u1/readings/a', params: { uid: 'u1', readingId: 'a' }, before: { ir: 1 }, after: null },
      {
        ref: 'devices/u1/readings/b',
        params: { uid: 'u1', readingId: 'b' },
        before: { ir: 2 },
        after: { ir: 3 },
      },
    ]);
  });

  it('ignores changes that do not reach the pattern depth', () => {
    expect(changedMatches(pattern, { u1: { latest: 1 } }, { u1: { latest: 2 } })).toEqual([]);
    expect(changedMatches(pattern, null, { u1: { readings: 5 } })).toEqual([]);
  });

  it('treats the whole subtree appearing at once as creations', () => {
    const got = changedMatches(pattern, null, { u1: { readings: { a: 1, b: 2 } } });
    expect(got.map((m) => m.ref)).toEqual(['devices/u1/readings/a', 'devices/u1/readings/b']);
  });

  it('walks literal-only patterns', () => {
    const p = compileRefPattern('config/servo');
    expect(changedMatches(p, 1, 2)).toEqual([{ ref: 'config/servo', params: {}, before: 1, after: 2 }]);
    expect(changedMatches(p, 1, 1)).toEqual([]);
  });
});
