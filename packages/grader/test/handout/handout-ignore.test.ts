import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readHandoutIgnore } from '../../src/handout/handout-ignore.js';

const dir = mkdtempSync(join(tmpdir(), 'handout-ignore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readHandoutIgnore', () => {
  it('leaves out listed folders with their contents, listed files, and the list itself', () => {
    writeFileSync(
      join(dir, '.handoutignore'),
      '# kit-only\ntest/\n./bench\nvitest.config.ts   # its config\n\n  docs/internal/  \n',
    );
    const isIgnored = readHandoutIgnore(dir);
    for (const path of ['test', 'test/a.test.ts', 'bench/deep/x.ts', 'vitest.config.ts', '.handoutignore'])
      expect(isIgnored(path), path).toBe(true);
    expect(isIgnored('docs/internal/notes.md')).toBe(true);
  });

  it('keeps everything else, including names that merely start like a listed one', () => {
    const isIgnored = readHandoutIgnore(dir);
    for (const path of [
      'testing/a.ts',
      'src/test',
      'docs/public.md',
      'vitest.config.ts.bak',
      'grading/public',
    ])
      expect(isIgnored(path), path).toBe(false);
  });

  it('leaves out only the list itself when an assignment has none', () => {
    const bare = mkdtempSync(join(dir, 'bare-'));
    const isIgnored = readHandoutIgnore(bare);
    expect(isIgnored('.handoutignore')).toBe(true);
    expect(isIgnored('test/a.test.ts')).toBe(false);
  });
});
