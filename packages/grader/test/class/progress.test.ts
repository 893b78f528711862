import { describe, expect, it } from 'vitest';
import { ClassProgress } from '../../src/class/progress.js';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, sink: { isTTY, write: (t: string) => void chunks.push(t) } };
}

describe('ClassProgress', () => {
  it('prints plain lines with status and ETA when not a terminal', () => {
    let now = 0;
    const { chunks, sink: s } = sink(false);
    const p = new ClassProgress(4, s, 2, () => now);
    p.start('amy');
    now = 10_000;
    p.finish('amy', '8/10', 10_000);
    p.finish('ben', '5/10 (already graded; --force regrades)');
    now = 20_000;
    p.end();
    expect(chunks).toEqual([
      '[0/4] grading amy\n',
      '[1/4] amy: 8/10 (10s)  ETA 15s\n',
      '[2/4] ben: 5/10 (already graded; --force regrades)  ETA 10s\n',
      'graded 2/4 in 20s\n',
    ]);
  });

  it('redraws one bar line on a terminal', () => {
    const { chunks, sink: s } = sink(true);
    const p = new ClassProgress(2, s, 1, () => 0);
    p.start('amy');
    expect(chunks[0]).toBe('\r\x1b[2K[........................] 0/2  ETA ?  grading: amy');
    p.finish('amy', '10/10', 65_000);
    expect(chunks[1]).toBe(
      '\r\x1b[2K[1/2] amy: 10/10 (1m05s)  ETA 1m05s\n[############............] 1/2  ETA 1m05s',
    );
    expect(p.etaMs()).toBe(65_000);
  });
});
