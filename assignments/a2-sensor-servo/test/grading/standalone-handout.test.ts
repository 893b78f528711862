// The handout as a student gets it: a folder outside the repository, installed with pnpm, checked
// with `pnpm check` and run with `pnpm start`. Nothing of the monorepo may be needed: the kit's
// packages and its C++ firmware come from the handout's own vendor/ folder. One handout (one
// install, one firmware build folder) serves every step, in the order a student takes them.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHandout } from '@iotkit/grader';
import { eventually } from '@iotkit/rtdb-server/testing';
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
afterAll(() => rmSync(workDir, { recursive: true, force: true }), 300_000);

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
      'start',
      'typecheck',
    ]);
  });

  it('reads as a starter: nothing speaks of the reference solution, the TODOs name the members to use', () => {
    expect(report.leftovers).toEqual([]);
    const app = readFileSync(join(handout, 'firmware', 'src', 'app', 'a2_app.cpp'), 'utf8');
    const todos = app.split('\n').filter((line) => line.includes('// TODO:'));
    expect(todos).toHaveLength(6);
    // The members the given code (setup, loop, applyAngle) reads must be named where they are set.
    for (const member of [
      'typed_',
      'phase_',
      'base_',
      'failures_',
      'lockedAt_',
      'lastSentIr_',
      'shownIr_',
      'shownAngle_',
    ])
      expect(
        todos.some((line) => line.includes(member)),
        member,
      ).toBe(true);
    const readme = readFileSync(join(handout, 'README.md'), 'utf8');
    expect(readme).toContain('pnpm start');
    expect(readme).not.toMatch(/SOLUTION/);
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
    // Every public test fails with a hint; the ones that ran a device show its timeline.
    expect(check.output.match(/^- \*\*Hint:\*\* /gm)?.length).toBe(8);
    expect(check.output).toContain('<summary>Timeline');
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

  it('`pnpm start` runs the backend, the device built from the handout and its dashboard; the typed password signs it in', async () => {
    // Free ports: the kit's usual 9000/9099/5173 may be taken on a machine running other tests.
    const child = spawn('pnpm', ['start', '--database-port', '0', '--auth-port', '0'], {
      cwd: handout,
      env: checkEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const seen = new Set<() => void>();
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-200_000);
      for (const check of seen) check();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const exited = new Promise<string>((resolveExit) =>
      child.on('close', (code, signal) => resolveExit(`${code ?? signal ?? ''}`)),
    );
    const waitFor = (pattern: RegExp, ms: number): Promise<RegExpExecArray> =>
      new Promise((resolveMatch, reject) => {
        const check = (): void => {
          const match = pattern.exec(output);
          if (!match) return;
          seen.delete(check);
          clearTimeout(timer);
          resolveMatch(match);
        };
        const timer = setTimeout(() => {
          seen.delete(check);
          reject(new Error(`\`pnpm start\` printed no ${pattern} within ${ms} ms:\n${output.slice(-4000)}`));
        }, ms);
        seen.add(check);
        check();
      });
    try {
      // The app is compiled against the kit library the checks above built (same TMPDIR).
      await waitFor(/^Ready\. Press Ctrl-C to stop\.$/m, 600_000);
      const database = (await waitFor(/Realtime Database (http:\/\/127\.0\.0\.1:\d+)/, 1000))[1] as string;
      const uid = (await waitFor(/uid ([\w-]+), mode/, 1000))[1] as string;
      const dashboard = (await waitFor(/A2 dashboard +(http:\/\/\S+)/, 1000))[1] as string;
      const latest = async (): Promise<{ ir?: unknown } | null> =>
        (await (await fetch(`${database}/devices/${uid}/latest.json?ns=a2-demo&auth=owner`)).json()) as {
          ir?: unknown;
        } | null;
      // Nothing is typed yet, so the device is not signed in and has sent nothing.
      expect(await latest()).toBeNull();
      child.stdin.write('123456#\n');
      await waitFor(/^keypad: typed 123456#$/m, 10_000);
      const reading = await eventually(latest, (value) => typeof value?.ir === 'number', {
        ms: 60_000,
        intervalMs: 250,
        failure: (last) =>
          `after typing 123456#, the device set no /devices/<uid>/latest (it holds ${JSON.stringify(last)}):\n${output.slice(-4000)}`,
      });
      expect(reading?.ir).toEqual(expect.any(Number));
      expect((await fetch(dashboard)).status).toBe(200);
    } finally {
      // Ctrl-C as a student would; a start that does not stop in time is killed so nothing outlives the test.
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGINT');
      const killer = setTimeout(() => {
        if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      }, 120_000);
      await exited;
      clearTimeout(killer);
    }
    // Ctrl-C reaches pnpm too, which then ends by the signal rather than with the kit's status.
    expect(await exited, output.slice(-4000)).toMatch(/^(0|SIGINT)$/);
    expect(output).toMatch(/Received SIGINT; stopping…\nStopped\./);
  }, 900_000);
});
