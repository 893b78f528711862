import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeHandout } from '../../src/handout/make-handout.js';
import { scratchDir } from '../helpers/fixture-paths.js';

const work = scratchDir('starter-readme');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A minimal assignment: the repository README, and the one written for the starter. */
function assignment(withStarterReadme: boolean): string {
  const dir = join(work, withStarterReadme ? 'with' : 'without');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'README.md'),
    'Write your code between the BEGIN SOLUTION / END SOLUTION markers.\n',
  );
  if (withStarterReadme)
    writeFileSync(join(dir, 'HANDOUT.md'), '# Starter\n\nRun `pnpm check`. Fill in the `TODO` comments.\n');
  return dir;
}

describe('the handout README', () => {
  it("is the assignment's HANDOUT.md, which is not copied as well", () => {
    const out = join(work, 'out-with');
    makeHandout({ assignmentDir: assignment(true), outDir: out });
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe(
      '# Starter\n\nRun `pnpm check`. Fill in the `TODO` comments.\n',
    );
    expect(existsSync(join(out, 'HANDOUT.md'))).toBe(false);
  });

  it('stays the assignment README when there is no HANDOUT.md', () => {
    const out = join(work, 'out-without');
    makeHandout({ assignmentDir: assignment(false), outDir: out });
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('BEGIN SOLUTION');
  });
});
