import { describe, expect, it } from 'vitest';
import { eventually } from '../../src/harness/eventually.js';

describe('eventually', () => {
  it('returns the first value `done` accepts', async () => {
    let n = 0;
    const value = await eventually(
      'n to reach 3',
      async () => ++n,
      (v) => v >= 3,
      2000,
      1,
    );
    expect(value).toBe(3);
  });

  it('fails naming what was awaited and the last value read', async () => {
    await expect(
      eventually(
        'latest.ir to become 500',
        async () => ({ ir: 12 }),
        () => false,
        50,
        5,
      ),
    ).rejects.toMatchObject({
      code: 'grader/timeout',
      message: 'expected latest.ir to become 500 within 50 ms; the database holds {"ir":12}',
    });
  });

  it('reports the last read error when reads keep failing, and recovers when one succeeds', async () => {
    await expect(
      eventually(
        'a read',
        () => Promise.reject(new Error('connection refused')),
        () => true,
        30,
        5,
      ),
    ).rejects.toThrow('expected a read within 30 ms; the last read failed: connection refused');
    let calls = 0;
    const ok = await eventually(
      'a flaky read',
      async () => {
        calls += 1;
        if (calls < 3) throw new Error('not yet');
        return 'fine';
      },
      (v) => v === 'fine',
      2000,
      1,
    );
    expect(ok).toBe('fine');
  });
});
