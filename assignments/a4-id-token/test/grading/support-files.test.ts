import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAssignment, loadCatalogue, parseManifest, stripSolutions } from '@iotkit/grader';
import { A4_ROOT } from '../../src/a4-paths.js';

const read = (path: string): string => readFileSync(join(A4_ROOT, path), 'utf8');

describe('grading support files', () => {
  it('has a manifest worth 100 points naming tests that exist', () => {
    const manifest = parseManifest(JSON.parse(read('grading/manifest.json')));
    expect(manifest.maxScore).toBe(100);
    expect(manifest.tests.reduce((sum, t) => sum + t.points, 0)).toBe(100);
    for (const test of manifest.tests) {
      const source = read(join('grading', test.file));
      const quoted = test.name.replace(/'/g, "\\'").replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(source, `${test.file} declares "${test.name}"`).toMatch(new RegExp(`graded\\(\\s*'${quoted}',`));
    }
  });

  it('lists every graded test in the README with the same points', () => {
    const readme = read('README.md');
    const manifest = parseManifest(JSON.parse(read('grading/manifest.json')));
    for (const test of manifest.tests) {
      const row = readme.split('\n').find((line) => line.startsWith(`| ${test.name} `));
      expect(row, test.name).toBeDefined();
      expect(row).toMatch(new RegExp(`\\|\\s*${test.points}\\s*\\|`));
    }
  });

  it('marks the student parts of the reference firmware so the handout strips them', () => {
    const { text, regions } = stripSolutions(read('firmware/src/app/a4_app.cpp'), 'a4_app.cpp');
    expect(regions).toBe(7);
    expect(text).not.toContain('auth_->useIdToken(');
    expect(text).not.toContain('refreshNow(board, "401")');
    expect(text).toContain('// TODO: use the handed ID token');
    expect(text).toContain('return status == AuthStatus::Ok;');
  });

  it('has a valid mutant catalogue covering every behaviour row', () => {
    const catalogue = loadCatalogue(loadAssignment(A4_ROOT));
    expect(catalogue.invalid).toEqual([]);
    expect(catalogue.rows).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    const covered = new Set(catalogue.mutants.map((m) => m.row));
    for (const row of catalogue.rows) expect(covered.has(row), `row ${row} has a mutant`).toBe(true);
  });
});
