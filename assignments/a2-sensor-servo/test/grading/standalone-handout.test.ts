// The handout as a student gets it: a folder outside the repository, installed with pnpm and
// checked with `pnpm check`. Nothing of the monorepo may be needed: the kit's packages and its
// C++ firmware come from the handout's own vendor/ folder.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHandout } from '@iotkit/grader';
import type { HandoutReport } from '@iotkit/grader';
import { A2_ROOT } from '../../src/a2-paths.js';

const workDir = mkdtempSync(join(tmpdir(), 'a2-standalone-'));
const handout = join(workDir, 'a2-handout');
let report: HandoutReport;

interface Finished {
  code: number | null;
  output: string;
}

/** Runs pnpm in the handout; a missing pnpm fails the test with the line that installs it. */
function pnpm(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Finished> {
  return new Promise((resolveRun, reject) => {
    const child = spawn('pnpm', args, { cwd: handout, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-200_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) =>
      reject(new Error(`cannot run pnpm (${error.message}): install it with \`npm install -g pnpm@12.4.2\``)),
    );
    child.on('close', (code) => resolveRun({ code, output }));
  });
}

// Its own temp folder, so the firmware build folder is not shared with the repository's runs.
const checkEnv = (): NodeJS.ProcessEnv => {
  const tmp = join(workDir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  return { ...process.env, TMPDIR: tmp };
};

beforeAll(async () => {
  report = makeHandout({ assignmentDir: A2_ROOT, outDir: handout });
  // CI=true would make pnpm insist on a lockfile the handout does not have yet.
  const install = await pnpm(['install', '--prefer-offline', '--no-frozen-lockfile']);
  if (install.code !== 0)
    throw new Error(`pnpm install failed in the handout:\n${install.output.slice(-4000)}`);
}, 300_000);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('the A2 handout outside the repository', () => {
  it('carries the kit it needs in vendor/, and none of the kit-only files', () => {
    expect(report.vendored).toEqual(
      expect.arrayContaining(['@iotkit/firmware', '@iotkit/mapping', '@iotkit/grader']),
    );
    for (const kitOnly of ['test', 'bench', 'vitest.config.ts', '.handoutignore', 'grading/hidden'])
      expect(existsSync(join(handout, kitOnly)), kitOnly).toBe(false);
    expect(existsSync(join(handout, 'vendor', 'iotkit-firmware', 'lib', 'iotkit'))).toBe(true);
    expect(existsSync(join(handout, 'vendor', 'iotkit-mapping', 'vectors.json'))).toBe(true);
    const packageJson = JSON.parse(readFileSync(join(handout, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(Object.keys(packageJson.scripts).sort()).toEqual([
      'build',
      'build:functions',
      'check',
      'typecheck',
    ]);
  });

  it('points the PlatformIO library links at the vendored firmware', () => {
    expect(report.libraryLinks).toEqual(['firmware/platformio.ini']);
    const ini = readFileSync(join(handout, 'firmware', 'platformio.ini'), 'utf8');
    const links = [...ini.matchAll(/symlink:\/\/(\S+)/g)].map((m) => m[1] as string);
    expect(links).toEqual(['../vendor/iotkit-firmware/lib', '../vendor/iotkit-firmware/platform/esp32']);
    for (const link of links) expect(existsSync(resolve(handout, 'firmware', link)), link).toBe(true);
  });

  it('`pnpm check` builds the starter and fails every public test with a hint', async () => {
    const check = await pnpm(['check'], checkEnv());
    expect(check.code, check.output.slice(-4000)).toBe(1);
    expect(check.output).toContain('score 0 / 60');
    expect(check.output).not.toContain('could not load');
    expect(check.output).not.toContain('does not compile');
    expect(check.output).toContain('**Hint:**');
    expect(check.output).toMatch(/boot +boot a2/);
    // The first thing to write is named once; the tests that need a signed-in device say so at once.
    expect(check.output).toContain(
      'not signed in: after typing the password and #, no sign-in request was sent — start with `A2App::onKey` / `submitPassword`',
    );
    expect(check.output).toContain('needs "signed in", which failed in an earlier test');
    expect(check.output).toMatch(/^ {2}(PASS|FAIL) login: the correct password signs in/m);
  }, 420_000);

  it('`pnpm check` on a starter with a syntax error shows the compiler error line', async () => {
    const app = join(handout, 'firmware', 'src', 'app', 'a2_app.cpp');
    const original = readFileSync(app, 'utf8');
    writeFileSync(app, `${original}\nint missingSemicolon = 1\n`);
    try {
      const check = await pnpm(['check'], checkEnv());
      expect(check.code, check.output.slice(-4000)).toBe(1);
      expect(check.output).toMatch(/^Not gradable: does not build/m);
      expect(check.output).toMatch(/> \*\*Not gradable:\*\* does not build/);
      expect(check.output).toMatch(/src\/app\/a2_app\.cpp:\d+(:\d+)?: error: /);
      expect(check.output).not.toMatch(/does not compile:\s*$/m);
    } finally {
      writeFileSync(app, original);
    }
  }, 420_000);

  it('`pnpm check` gives full marks once the solution is filled in', async () => {
    for (const file of ['firmware/src/app/a2_app.cpp', 'companion/functions/src/index.ts'])
      cpSync(join(A2_ROOT, file), join(handout, file));
    const check = await pnpm(['check'], checkEnv());
    expect(check.code, check.output.slice(-4000)).toBe(0);
    expect(check.output).toContain('score 60 / 60');
  }, 420_000);
});
