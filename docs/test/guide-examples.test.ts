// The guides show A2's real `check` output, inserted by `pnpm docs:examples` between marker
// comments. These checks are cheap: the markers are there, each block has the shape of the real
// report, and nothing in it would change from one run to the next (temp paths, timings, ids).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const guide = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../guides/${name}`, import.meta.url)), 'utf8');

/** The fenced text between `<!-- docs-example:NAME -->` and its closing marker. */
function example(text: string, name: string): string {
  const match = new RegExp(
    `<!-- docs-example:${name} -->\\n(\`{3,4})\\w*\\n([\\s\\S]*?)\\n\\1\\n<!-- /docs-example:${name} -->`,
  ).exec(text);
  if (!match) throw new Error(`no filled docs-example:${name} block (run pnpm docs:examples)`);
  return match[2] as string;
}

/** What must never reach a generated example: machine paths, run times, generated ids. */
function expectStable(text: string): void {
  expect(text).not.toMatch(/\/(tmp|home|work|root|Users)\//);
  expect(text).not.toMatch(/docs-examples-/);
  expect(text).not.toMatch(/\b\d+(\.\d+)? ?s\)|\(\d+ ms\)/);
  expect(text).not.toMatch(/127\.0\.0\.1:\d/);
  expect(text).not.toMatch(/-[A-Za-z0-9_-]{19}\b/);
}

const checking = guide('checking-your-work.md');
const grading = guide('grading.md');

describe('generated examples in the guides', () => {
  it("checking your work: the untouched starter's report names the first function to write", () => {
    const text = example(checking, 'a2-check-starter');
    expect(text).toMatch(/^A2 · .+ — /);
    expect(text).toMatch(/^FAIL {2}login: the correct password signs in +0 \/ 5$/m);
    expect(text).toContain('start with `A2App::onKey` / `submitPassword`');
    expect(text).toMatch(/needs "signed in", which failed in an earlier test/);
    expect(text).toMatch(/^score 0 \/ 60$/m);
    expectStable(text);
  });

  it('checking your work: the reference passes every public test', () => {
    const text = example(checking, 'a2-check-reference');
    expect(text.match(/^PASS {2}/gm)).toHaveLength(8);
    expect(text).not.toMatch(/^FAIL/m);
    expect(text).toMatch(/^score 60 \/ 60$/m);
    expectStable(text);
  });

  it('checking your work: a syntax error is not gradable and shows the compiler line', () => {
    const text = example(checking, 'a2-check-syntax-error');
    expect(text).toMatch(/^Not gradable: does not build/m);
    expect(text).toMatch(/src\/app\/a2_app\.cpp:\d+(:\d+)?: error: /);
    expectStable(text);
  });

  it("grading: a student's feedback on a lost point has the reason, the hint and the timeline", () => {
    const text = example(grading, 'a2-feedback-starter');
    expect(text).toContain('login: the correct password signs in');
    expect(text).toContain('**Hint:**');
    expect(text).toContain('no sign-in request was sent');
    expectStable(text);
  });
});
