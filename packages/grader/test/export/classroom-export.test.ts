// The GitHub Classroom template: the workflow must parse as GitHub parses it, and the grading
// step's shell, run here as the runner would run it (same command, a local GITHUB_OUTPUT), must
// pass on the reference solution and fail on a mutant of it.
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from '@actions/workflow-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportClassroom } from '../../src/export/classroom-export.js';
import { CLASSROOM_GRADE_COMMAND } from '../../src/export/classroom-workflow.js';
import { FIXTURE_ASSIGNMENT } from '../helpers/fixture-paths.js';
import { relaxLimits, runProgram } from './exec-script.js';

const work = mkdtempSync(join(tmpdir(), 'iotkit-classroom-test-'));
chmodSync(work, 0o755);
const repo = join(work, 'template');
const outputFile = join(work, 'github-output');

interface ClassroomResult {
  status: string;
  max_score: number;
  tests: { name: string; status: string; score: number }[];
}

/** Runs the grading step's shell in the template, as `bash -e` (GitHub's default for `run:`). */
async function gradeStep(): Promise<{ code: number | null; output: string; result: ClassroomResult }> {
  writeFileSync(outputFile, '');
  const run = await runProgram('bash', ['-e', '-c', CLASSROOM_GRADE_COMMAND], {
    cwd: repo,
    env: { ...process.env, GITHUB_OUTPUT: outputFile },
    install: 'install bash',
  });
  const line = readFileSync(outputFile, 'utf8').trim();
  expect(line, run.output.slice(-3000)).toMatch(/^result=[A-Za-z0-9+/=]+$/);
  const result = JSON.parse(
    Buffer.from(line.slice('result='.length), 'base64').toString('utf8'),
  ) as ClassroomResult;
  return { ...run, result };
}

beforeAll(async () => {
  exportClassroom({
    assignmentDir: FIXTURE_ASSIGNMENT,
    outDir: repo,
    osPackages: ['g++', 'cmake'],
    nodeMajor: 20,
    pnpmVersion: '12.4.2',
  });
  relaxLimits(join(repo, 'grading', 'grader.config.json'));
  // A student's finished work: the reference's solution files over the starter.
  cpSync(join(FIXTURE_ASSIGNMENT, 'src'), join(repo, 'src'), { recursive: true });
  const install = await runProgram('pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile'], {
    cwd: repo,
    install: 'install pnpm with `npm install -g pnpm@12.4.2`',
  });
  if (install.code !== 0)
    throw new Error(`pnpm install failed in the template:\n${install.output.slice(-4000)}`);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the GitHub Classroom template', () => {
  it('has a workflow GitHub accepts: grade on push, report through the Classroom reporter', async () => {
    const content = readFileSync(join(repo, '.github', 'workflows', 'classroom.yml'), 'utf8');
    const parsed = parseWorkflow({ name: 'classroom.yml', content }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    if (!parsed.value) throw new Error('the workflow did not parse');
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    expect((template.errors ?? []).map((e) => e.Message)).toEqual([]);
    const job = template.jobs[0];
    if (job?.type !== 'job') throw new Error('expected one job');
    const steps = job.steps.map((step) => ('uses' in step ? step.uses.value.split('@')[0] : step.id));
    expect(steps).toEqual(
      expect.arrayContaining([
        'actions/checkout',
        'pnpm/action-setup',
        'classroom-resources/autograding-grader-reporter',
      ]),
    );
    // the command tested below is the one in the file
    expect(content).toContain(CLASSROOM_GRADE_COMMAND.split('\n')[0]);
    expect(content).toContain('IOTKIT_RESULTS: ${{ steps.iotkit.outputs.result }}');
    expect(content).toContain('sudo apt-get install -y --no-install-recommends g++ cmake');
  });

  it('leaves the hidden tests out', () => {
    const manifest = readFileSync(join(repo, 'grading', 'manifest.json'), 'utf8');
    expect(manifest).not.toContain('hidden/');
  });

  it('its grading step passes on the reference, with every point in the runner result', async () => {
    const { code, output, result } = await gradeStep();
    expect(code, output.slice(-3000)).toBe(0);
    expect(result.status).toBe('pass');
    expect(result.max_score).toBe(8);
    expect(result.tests.reduce((sum, t) => sum + t.score, 0)).toBe(8);
  }, 480_000);

  it('its grading step fails on a mutant (no clamping), reporting the points it kept', async () => {
    const calc = join(repo, 'src', 'calc.ts');
    const reference = readFileSync(calc, 'utf8');
    const clamp = 'const r = Math.min(Math.max(reading, 0), ADC_MAX);';
    expect(reference).toContain(clamp);
    writeFileSync(calc, reference.replace(clamp, 'const r = reading;'));
    const { code, result } = await gradeStep();
    expect(code).toBe(1);
    expect(result.status).toBe('fail');
    const lost = result.tests.filter((t) => t.status !== 'pass').map((t) => t.name);
    expect(lost).toEqual(['toAngle > clamps readings outside 0..4095']);
    expect(result.tests.reduce((sum, t) => sum + t.score, 0)).toBe(6);
  }, 480_000);
});
