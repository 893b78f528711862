import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAssignment } from '../../src/assignment/check-assignment.js';
import { GraderError } from '../../src/core/grader-error.js';
import type { SubmissionResult } from '../../src/core/result-model.js';
import { makeHandout, type HandoutReport } from '../../src/handout/make-handout.js';
import { FIXTURE_ASSIGNMENT, scratchDir } from '../helpers/fixture-paths.js';

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

// Text that only exists in the reference solution or the hidden tests.
const SECRETS = [
  'Math.min(Math.max(reading, 0), ADC_MAX)',
  'values.reduce((sum, v) => sum + v, 0)',
  'Readings are clamped to 0..4095 before scaling',
  'HIDDEN-SECRET-7f3a',
  'average of no readings is 0',
  'BEGIN SOLUTION',
];

let work: string;
let handout: string;
let report: HandoutReport;
let checked: SubmissionResult;

beforeAll(async () => {
  work = scratchDir('handout');
  handout = join(work, 'a0-calc');
  report = makeHandout({ assignmentDir: FIXTURE_ASSIGNMENT, outDir: handout });
  checked = await checkAssignment(handout);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('makeHandout on the fixture assignment', () => {
  it('leaves no solution text and no hidden test anywhere', () => {
    const files = allFiles(handout).filter(
      (f) => !relative(handout, f).startsWith('vendor') && !relative(handout, f).startsWith('dist'),
    );
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const secret of SECRETS)
        expect(text.includes(secret), `${relative(handout, f)} contains "${secret}"`).toBe(false);
    }
    expect(existsSync(join(handout, 'grading', 'hidden'))).toBe(false);
    expect(report.stripped).toEqual([
      { file: 'README.md', regions: 1 },
      { file: 'src/calc.ts', regions: 2 },
    ]);
  });

  it('keeps only the public entries in the manifest, with their maximum', () => {
    const m = JSON.parse(readFileSync(join(handout, 'grading', 'manifest.json'), 'utf8')) as {
      maxScore: number;
      tests: { file: string }[];
    };
    expect(m.maxScore).toBe(8);
    expect(m.tests.every((t) => t.file.startsWith('public/'))).toBe(true);
  });

  it('leaves TODOs with the hints where the solution was', () => {
    const calc = readFileSync(join(handout, 'src', 'calc.ts'), 'utf8');
    expect(calc).toContain('// TODO: clamp the reading to 0..ADC_MAX, scale it to 0..180 and round');
    expect(calc).toContain(
      'throw new Error("Not implemented yet: return the mean of the values, or 0 when there are none");',
    );
    expect(readFileSync(join(handout, 'README.md'), 'utf8')).toContain(
      '<!-- TODO: explain how you handled readings outside 0..4095 -->',
    );
  });

  it('rewrites workspace and catalog references so it installs on its own', () => {
    const pj = readFileSync(join(handout, 'package.json'), 'utf8');
    expect(pj).not.toMatch(/workspace:|catalog:/);
    const parsed = JSON.parse(pj) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(parsed.dependencies['@iotkit/grader']).toBe('file:./vendor/iotkit-grader');
    expect(parsed.devDependencies.vitest).toMatch(/^\d+\.\d+\.\d+$/);
    expect(parsed.scripts.check).toBe('iotkit-grader check .');
    // Scripts the assignment names for students survive; the kit's own development ones do not.
    expect(parsed.scripts.angles).toBe('node dist/cli.js 0 4095');
    expect(parsed.scripts.lint).toBeUndefined();
    const vendored = readFileSync(join(handout, 'vendor', 'iotkit-grader', 'package.json'), 'utf8');
    expect(vendored).not.toMatch(/workspace:|catalog:/);
    expect(existsSync(join(handout, 'vendor', 'iotkit-grader', 'src', 'harness', 'index.ts'))).toBe(true);
    // The grader brings the parts its harness runs graded tests on (backend, devices, auth …).
    expect(report.vendored[0]).toBe('@iotkit/grader');
    expect(report.vendored).toEqual(
      expect.arrayContaining(['@iotkit/backend', '@iotkit/devices', '@iotkit/firmware']),
    );
    for (const name of report.vendored)
      expect(
        readFileSync(join(handout, 'vendor', name.replace('@iotkit/', 'iotkit-'), 'package.json'), 'utf8'),
      ).not.toMatch(/workspace:|catalog:/);
    expect(readFileSync(join(handout, 'pnpm-workspace.yaml'), 'utf8')).toMatch(
      /allowBuilds:\n {2}esbuild: true/,
    );
  });

  it('builds: the stripped sources typecheck', () => {
    const tsc = spawnSync(
      process.execPath,
      [
        join(FIXTURE_ASSIGNMENT, '..', '..', '..', 'node_modules', 'typescript', 'bin', 'tsc'),
        '-p',
        'tsconfig.json',
        '--noEmit',
      ],
      { cwd: handout, encoding: 'utf8' },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    // tsc on a cold cache takes seconds, many on a busy 2-core machine.
  }, 120_000);

  it('runs its public tests, which fail with messages naming the missing work', () => {
    expect(checked.outcome.code).toBe('ok');
    expect(checked.includesHidden).toBe(false);
    expect([checked.score, checked.maxScore]).toEqual([0, 8]);
    const calcTests = checked.tests.filter((t) => t.file === 'public/calc.test.ts');
    for (const t of calcTests) expect(t.reason?.message).toMatch(/Not implemented yet: /);
    const cli = checked.tests.find((t) => t.file === 'public/cli.test.ts');
    expect(cli?.feedback?.timeline?.map((e) => e.text).join('\n')).toMatch(
      /Not implemented yet: clamp the reading/,
    );
  });

  it('refuses a non-empty output folder and unbalanced markers', () => {
    expect(() => makeHandout({ assignmentDir: FIXTURE_ASSIGNMENT, outDir: handout })).toThrow(GraderError);
    const bad = join(work, 'bad');
    cpSync(FIXTURE_ASSIGNMENT, bad, { recursive: true });
    writeFileSync(join(bad, 'src', 'extra.ts'), '// BEGIN SOLUTION\nexport const x = 1;\n');
    const out = join(work, 'bad-out');
    mkdirSync(out);
    try {
      makeHandout({ assignmentDir: bad, outDir: out });
      expect.unreachable('should throw');
    } catch (e) {
      expect((e as GraderError).code).toBe('grader/bad-solution-markers');
      expect((e as Error).message).toMatch(/src\/extra.ts:1: BEGIN SOLUTION is never closed/);
    }
  });
});
