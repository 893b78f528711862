import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest, stripSolutions } from '@iotkit/grader';
import { A2_ROOT } from '../../src/a2-paths.js';

const read = (path: string): string => readFileSync(join(A2_ROOT, path), 'utf8');

describe('grading support files', () => {
  it('has a manifest worth 100 points plus 15 bonus, naming tests that exist', () => {
    const manifest = parseManifest(JSON.parse(read('grading/manifest.json')));
    expect(manifest.maxScore).toBe(100);
    expect(manifest.tests.filter((t) => t.bonus).reduce((sum, t) => sum + t.points, 0)).toBe(15);
    for (const test of manifest.tests) {
      const source = read(join('grading', test.file));
      // The name may sit on the line after `graded(`, as the formatter lays long calls out.
      const quoted = test.name.replace(/'/g, "\\'").replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(source, `${test.file} declares "${test.name}"`).toMatch(new RegExp(`graded\\(\\s*'${quoted}',`));
    }
  });

  it('marks the student parts of the reference firmware so the handout strips them', () => {
    const { text, regions } = stripSolutions(read('firmware/src/app/a2_app.cpp'), 'a2_app.cpp');
    expect(regions).toBe(6);
    // The TODO hints name the calls to make; the code that makes them must be gone.
    expect(text).not.toContain('auth_->signInWithPassword(board.config.email.c_str(), typed_.c_str())');
    expect(text).not.toContain('.setServerTimestamp("ts");');
    expect(text).toContain('// TODO');
  });
});
