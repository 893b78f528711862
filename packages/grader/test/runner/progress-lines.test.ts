import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { followProgress, progressLine } from '../../src/runner/progress-lines.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('progress lines', () => {
  it('name each test as it starts and ends', () => {
    expect(progressLine({ kind: 'start', file: 'public/a.test.ts', name: 'lcd > shows' })).toBe(
      '  … lcd > shows',
    );
    expect(
      progressLine({
        kind: 'test',
        file: 'public/a.test.ts',
        name: 'lcd > shows',
        state: 'failed',
        errors: [],
        meta: {},
        durationMs: 1500,
      }),
    ).toBe('  FAIL lcd > shows (1.5 s)');
  });

  it('follow the observations file, including a last line written just before stopping', () => {
    const dir = mkdtempSync(join(tmpdir(), 'progress-'));
    dirs.push(dir);
    const file = join(dir, 'observations.jsonl');
    writeFileSync(file, '');
    const seen: string[] = [];
    const stop = followProgress(file, (l) => seen.push(l));
    appendFileSync(file, `${JSON.stringify({ kind: 'start', file: 'f', name: 'one' })}\n{"kind":"te`);
    appendFileSync(file, `st","file":"f","name":"one","state":"passed","errors":[],"meta":{}}\n`);
    appendFileSync(file, 'not json\n');
    stop();
    expect(seen).toEqual(['  … one', '  PASS one']);
  });
});
