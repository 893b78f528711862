// The Gradescope bundle unpacked into a temporary root laid out as Gradescope lays out
// /autograder (source/, submission/, results/), set up and run there. setup.sh's system part
// (apt-get, Node, pnpm) is skipped: this machine has it, and it needs root and the network.
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGradescope } from '../../src/export/gradescope-bundle.js';
import { FIXTURE_ASSIGNMENT } from '../helpers/fixture-paths.js';
import { relaxLimits, runProgram } from './exec-script.js';

const work = mkdtempSync(join(tmpdir(), 'iotkit-gradescope-test-'));
// Readable by others, as /autograder is: submission code runs as an unprivileged user.
chmodSync(work, 0o755);
const root = join(work, 'autograder');
const env = { ...process.env, IOTKIT_AUTOGRADER_ROOT: root, IOTKIT_SETUP_SKIP_SYSTEM: '1' };

interface GradescopeResults {
  score: number;
  output?: string;
  tests: { name: string; score: number; max_score: number; visibility?: string }[];
}

const readResults = (): GradescopeResults =>
  JSON.parse(readFileSync(join(root, 'results', 'results.json'), 'utf8')) as GradescopeResults;

function submit(from: string | null): void {
  rmSync(join(root, 'submission'), { recursive: true, force: true });
  rmSync(join(root, 'results'), { recursive: true, force: true });
  mkdirSync(join(root, 'submission'), { recursive: true });
  if (from) cpSync(from, join(root, 'submission', 'a0-calc'), { recursive: true });
}

beforeAll(async () => {
  const zip = join(work, 'autograder.zip');
  const exported = exportGradescope({
    assignmentDir: FIXTURE_ASSIGNMENT,
    outFile: zip,
    osPackages: ['g++'],
    nodeMajor: 20,
    pnpmVersion: '12.4.2',
  });
  expect(exported.vendored).toContain('@iotkit/grader');
  // No manual items in the fixture: the outline beside the zip is the autograder alone.
  expect(JSON.parse(readFileSync(exported.outlineFile, 'utf8'))).toEqual(exported.outline);
  expect(exported.outline.questions).toEqual([
    { title: 'Autograder', points: exported.outline.totalPoints, grading: 'autograder', rubric: [] },
  ]);
  const unzip = await runProgram('unzip', ['-q', zip, '-d', root], {
    cwd: work,
    install: 'install it with `apt-get install -y unzip`',
  });
  expect(unzip.code, unzip.output).toBe(0);
  relaxLimits(join(root, 'source', 'grading', 'grader.config.json'));
  const setup = await runProgram('bash', [join(root, 'setup.sh')], {
    cwd: root,
    env,
    install: 'bash is required',
  });
  if (setup.code !== 0) throw new Error(`setup.sh failed:\n${setup.output.slice(-4000)}`);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the Gradescope bundle', () => {
  it('holds executable scripts and the hidden tests, never the reference solution', () => {
    expect(statSync(join(root, 'run_autograder')).mode & 0o111).not.toBe(0);
    expect(statSync(join(root, 'setup.sh')).mode & 0o111).not.toBe(0);
    expect(existsSync(join(root, 'source', 'grading', 'hidden', 'calc-hidden.test.ts'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(root, 'source', 'grading', 'manifest.json'), 'utf8')) as {
      tests: unknown[];
    };
    expect(manifest.tests).toHaveLength(7);
    const calc = readFileSync(join(root, 'source', 'src', 'calc.ts'), 'utf8');
    expect(calc).not.toContain('Math.min(Math.max(reading, 0), ADC_MAX)');
    const setup = readFileSync(join(root, 'setup.sh'), 'utf8');
    expect(setup).toContain('apt-get install -y --no-install-recommends ca-certificates curl gnupg g++');
    expect(setup).toContain('npm install -g pnpm@12.4.2');
    // the sandbox user reads the kit, never the tests
    expect(statSync(join(root, 'source', 'grading')).mode & 0o077).toBe(0);
    expect(statSync(join(root, 'source', 'node_modules')).mode & 0o005).toBe(0o005);
  });

  it('run_autograder grades the reference uploaded as a folder: full marks in results.json', async () => {
    submit(FIXTURE_ASSIGNMENT);
    const run = await runProgram('bash', [join(root, 'run_autograder')], { cwd: root, env, install: 'bash' });
    expect(run.code, run.output.slice(-4000)).toBe(0);
    const results = readResults();
    expect(results.tests.map((t) => t.name)).toHaveLength(7);
    expect(results.score).toBe(11);
    // a bonus test has max_score 0 and scores its point on top
    for (const test of results.tests) expect(test.score, test.name).toBeGreaterThanOrEqual(test.max_score);
    expect(results.tests.filter((t) => t.score > 0)).toHaveLength(7);
    // Instructor reports stay out of the folder students can see.
    expect(existsSync(join(root, 'iotkit-reports', 'feedback-instructor.md'))).toBe(true);
    expect(existsSync(join(root, 'results', 'feedback-instructor.md'))).toBe(false);
  }, 480_000);

  it('an empty upload still gets a valid results.json, scored 0, saying what happened', async () => {
    submit(null);
    const run = await runProgram('bash', [join(root, 'run_autograder')], { cwd: root, env, install: 'bash' });
    expect(run.code, run.output.slice(-4000)).toBe(0);
    const results = readResults();
    expect(results.score).toBe(0);
    expect(JSON.stringify(results)).not.toContain(root);
    expect(results.output ?? JSON.stringify(results.tests)).toMatch(/\w/);
  }, 480_000);
});
