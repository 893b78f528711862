// Firmware whose compile attacks the grader: #include of the hidden tests, and a build step of
// grader.config.json that writes outside its build folder. The compile and the build step run in
// the submission's sandbox: each attack is contained, and the hidden content appears nowhere.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAppDevice } from '@iotkit/devices';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAssignment } from '../../src/assignment/load-assignment.js';
import { gradeSubmission } from '../../src/runner/grade-submission.js';
import { sandboxLauncher } from '../../src/sandbox/sandbox-launcher.js';
import { sandboxSupport } from '../../src/sandbox/sandbox-support.js';
import { FIXTURE_ASSIGNMENT, scratchDir } from '../helpers/fixture-paths.js';

const F0 = join(FIXTURE_ASSIGNMENT, '..', 'f0-firmware');
const F1 = join(FIXTURE_ASSIGNMENT, '..', 'f1-build-step');
const SECRET = 'HIDDEN-SECRET-f0-7c2e';
const HIDDEN_HEADER = join(F0, 'grading', 'hidden', 'secret-vectors.h');
const work = scratchDir('hostile-build');
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  expect(
    sandboxSupport().isolation,
    'the grading sandbox needs bubblewrap: sudo apt-get install -y bubblewrap',
  ).toBe('bwrap');
});

/** A one-file app that compiles whatever `include` names into the device and logs it. */
function appSource(include: string): string {
  return [
    '#include "iotkit/app/app.h"',
    `#include "${include}"`,
    'namespace f0 {',
    'class F0App : public iotkit::App {',
    ' public:',
    '  const char* name() const override { return "f0"; }',
    '  void setup(iotkit::Board& board) override { iotkit::logf(board.log, iotkit::LogLevel::Info, "%s", kHiddenVectors); }',
    '  void loop(iotkit::Board&) override {}',
    '};',
    '}  // namespace f0',
    'IOTKIT_REGISTER_APP(f0::F0App)',
    '',
  ].join('\n');
}

/** A submission folder (or working copy) whose firmware includes `include`. */
function submission(name: string, include: string, base?: string): string {
  const dir = join(work, name);
  if (base) cpSync(base, dir, { recursive: true });
  mkdirSync(join(dir, 'firmware', 'src', 'app'), { recursive: true });
  writeFileSync(join(dir, 'firmware', 'src', 'app', 'f0_app.cpp'), appSource(include));
  return dir;
}

const build = (dir: string, sandboxed: boolean): Promise<string> =>
  buildAppDevice({
    appDir: join(dir, 'firmware', 'src', 'app'),
    name: 'f0',
    ...(sandboxed ? { wrap: sandboxLauncher({ dir }) } : {}),
  });

describe('firmware that #includes the hidden tests', () => {
  it('by absolute path into the kit checkout: compiles it in without the sandbox, cannot see it inside', async () => {
    const dir = submission('absolute', HIDDEN_HEADER);
    // the attack is real: outside the sandbox the hidden data ends up in the device
    const unsandboxed = await build(dir, false);
    expect(readFileSync(unsandboxed).includes(SECRET)).toBe(true);
    rmSync(join(unsandboxed, '..'), { recursive: true, force: true });

    const error = await build(dir, true).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'devices/build-failed' });
    expect((error as Error).message).toMatch(
      /^your firmware does not compile:\nsrc\/app\/f0_app\.cpp:2: fatal error: .*secret-vectors\.h: No such file or directory/,
    );
    expect((error as Error).message).not.toContain(SECRET);
  }, 900_000);

  it('by ../../grading/hidden/ from a working copy (what check grades in place): the folder is hidden', async () => {
    const dir = submission('working-copy', '../../../grading/hidden/secret-vectors.h', F0);
    expect(existsSync(join(dir, 'grading', 'hidden', 'secret-vectors.h'))).toBe(true);
    const error = await build(dir, true).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'devices/build-failed' });
    expect((error as Error).message).toMatch(/secret-vectors\.h: No such file or directory/);
    expect((error as Error).message).not.toContain(SECRET);
  }, 900_000);

  it('graded for real, reaching for the grading copy of the hidden tests: not gradable, nothing leaks', async () => {
    // the tests of a graded copy sit at ../tests/grading beside the submission copy
    const dir = submission('graded', '../../../../tests/grading/hidden/secret-vectors.h');
    const result = await gradeSubmission({
      assignment: loadAssignment(F0),
      submissionDir: dir,
      submissionId: 'includes-hidden',
      includeHidden: true,
    });
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(result.warnings.join('\n')).not.toMatch(/WITHOUT the bwrap sandbox/);
    expect([result.gradable, result.score, result.outcome.code]).toEqual([false, 0, 'grader/build-failed']);
    expect(result.outcome.message).toMatch(
      /does not build — your firmware does not compile: src\/app\/f0_app\.cpp:2/,
    );
  }, 900_000);
});

describe('a build step that writes outside its build folder', () => {
  it('is contained when check grades a working copy in place, and the build still runs', async () => {
    const copy = join(work, 'f1-working-copy');
    cpSync(F1, copy, { recursive: true });
    const marker = `/tmp/iotkit-forged-${process.pid}`;
    const kitFile = join(F1, 'grading', 'public', 'forged.test.ts');
    const targets = [join(copy, 'grading', 'public', 'forged.test.ts'), marker, kitFile];
    writeFileSync(
      join(copy, 'firmware', 'CMakeLists.txt'),
      [
        'cmake_minimum_required(VERSION 3.20)',
        'project(f1 LANGUAGES NONE)',
        // each write is tried and its failure ignored, so the build itself goes on
        ...targets.map((t) => `execute_process(COMMAND sh -c "echo FORGED > '${t}'")`),
        'file(WRITE "${CMAKE_BINARY_DIR}/built.txt" "ok\\n")',
        '',
      ].join('\n'),
    );
    try {
      const result = await gradeSubmission({
        assignment: loadAssignment(copy),
        submissionDir: null,
        submissionId: 'working-copy',
        includeHidden: false,
      });
      for (const t of targets) expect(existsSync(t), t).toBe(false);
      expect([result.outcome.code, result.score]).toEqual(['ok', 1]);
    } finally {
      for (const t of targets) rmSync(t, { force: true });
    }
  }, 300_000);
});
