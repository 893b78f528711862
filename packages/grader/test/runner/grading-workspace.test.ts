import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAssignment } from '../../src/assignment/load-assignment.js';
import { createGradingWorkspace } from '../../src/runner/grading-workspace.js';
import { FIXTURE_ASSIGNMENT, scratchDir } from '../helpers/fixture-paths.js';

const work = scratchDir('workspace');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function file(path: string, text = 'x'): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

describe('createGradingWorkspace', () => {
  it('copies the submission without its tests, dependencies or git data, and the tests apart from it', () => {
    const sub = join(work, 'sub');
    file(join(sub, 'src', 'calc.ts'), 'export {}');
    file(join(sub, 'src', 'grading', 'keep.ts'));
    file(join(sub, 'grading', 'public', 'calc.test.ts'), 'tampered');
    file(join(sub, 'node_modules', 'big.js'));
    file(join(sub, 'companion', 'node_modules', 'big.js'));
    file(join(sub, '.git', 'config'));
    const ws = createGradingWorkspace(loadAssignment(FIXTURE_ASSIGNMENT), sub, false);
    try {
      expect(existsSync(join(ws.submissionDir, 'src', 'calc.ts'))).toBe(true);
      expect(existsSync(join(ws.submissionDir, 'src', 'grading', 'keep.ts'))).toBe(true);
      expect(existsSync(join(ws.submissionDir, 'grading'))).toBe(false);
      expect(existsSync(join(ws.submissionDir, 'companion', 'node_modules'))).toBe(false);
      expect(existsSync(join(ws.submissionDir, '.git'))).toBe(false);
      // node_modules is the assignment's, linked in
      expect(existsSync(join(ws.submissionDir, 'node_modules', 'typescript', 'package.json'))).toBe(true);
      expect(readFileSync(join(ws.testsRoot, 'grading', 'public', 'calc.test.ts'), 'utf8')).not.toBe(
        'tampered',
      );
      expect(existsSync(join(ws.testsRoot, 'grading', 'hidden'))).toBe(false);
      expect(existsSync(join(ws.testsRoot, 'node_modules', '@iotkit', 'grader', 'package.json'))).toBe(true);
      expect(statSync(ws.testsRoot).mode & 0o777).toBe(0o700);
      expect(statSync(ws.root).mode & 0o777).toBe(0o711);
      if (ws.sandboxed) {
        // a uid of its own per run, so process limits are per submission
        expect(ws.sandboxUid).toBeGreaterThanOrEqual(200_000);
        expect(statSync(join(ws.submissionDir, 'src', 'calc.ts')).uid).toBe(ws.sandboxUid);
      }
    } finally {
      ws.dispose();
    }
    expect(existsSync(ws.root)).toBe(false);
  });

  it('copies hidden tests only when asked, and grades a working copy in place', () => {
    const ws = createGradingWorkspace(loadAssignment(FIXTURE_ASSIGNMENT), null, true);
    try {
      expect(ws.submissionDir).toBe(FIXTURE_ASSIGNMENT);
      expect(ws.sandboxed).toBe(false);
      expect(existsSync(join(ws.testsRoot, 'grading', 'hidden', 'calc-hidden.test.ts'))).toBe(true);
    } finally {
      ws.dispose();
    }
  });
});
