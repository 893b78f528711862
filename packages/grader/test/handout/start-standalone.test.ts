// `pnpm start` of a handout: the script the handout gets, and the checks made before anything
// starts. The start itself (backend, device, keypad) runs in A2's standalone-handout test, on a
// real handout.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graderCli } from '../../src/bin/grader-cli.js';
import { makeHandout } from '../../src/handout/make-handout.js';
import { readStandaloneAssignment } from '../../src/handout/start-standalone.js';
import { FIXTURE_ASSIGNMENT, scratchDir } from '../helpers/fixture-paths.js';

const work = scratchDir('start');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The fixture assignment with its package.json edited by `edit`. */
function fixtureWith(name: string, edit: (pj: Record<string, unknown>) => void): string {
  const dir = join(work, name);
  cpSync(FIXTURE_ASSIGNMENT, dir, { recursive: true });
  const file = join(dir, 'package.json');
  const pj = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(pj);
  writeFileSync(file, JSON.stringify(pj, null, 2));
  return dir;
}

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await graderCli(args, (s) => lines.push(s), { untilStopped: Promise.resolve('test') });
  return { code, out: lines.join('\n') };
}

describe('a handout of an assignment with a demo', () => {
  it('gets `pnpm start` beside `pnpm check`; a folder that is no assignment does not', () => {
    const assignment = fixtureWith('a0-with-id', (pj) => {
      pj['iotkit'] = { id: 'a0', title: 'calc' };
    });
    makeHandout({ assignmentDir: assignment, outDir: join(work, 'handout-a0') });
    const scripts = (
      JSON.parse(readFileSync(join(work, 'handout-a0', 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts).toMatchObject({ check: 'iotkit-grader check .', start: 'iotkit-grader start .' });
    makeHandout({ assignmentDir: FIXTURE_ASSIGNMENT, outDir: join(work, 'handout-plain') });
    const plain = JSON.parse(readFileSync(join(work, 'handout-plain', 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(plain.scripts.start).toBeUndefined();
  });

  it('lists lines that still speak of the reference solution after stripping', () => {
    const dir = fixtureWith('a0-leftover', () => undefined);
    const calc = join(dir, 'src', 'calc.ts');
    writeFileSync(
      calc,
      `// The reference solution: students write between BEGIN SOLUTION / END SOLUTION.\n${readFileSync(calc, 'utf8')}`,
    );
    const report = makeHandout({ assignmentDir: dir, outDir: join(work, 'handout-leftover') });
    expect(report.leftovers).toEqual([
      'src/calc.ts:1: // The reference solution: students write between BEGIN SOLUTION / END SOLUTION.',
    ]);
    const clean = makeHandout({ assignmentDir: FIXTURE_ASSIGNMENT, outDir: join(work, 'handout-clean') });
    expect(clean.leftovers).toEqual([]);
  });
});

describe('iotkit-grader start, before anything starts', () => {
  it('refuses a folder that is not an assignment with a demo, naming what is missing', async () => {
    const noId = await cli(['start', FIXTURE_ASSIGNMENT]);
    expect(noId.code).toBe(2);
    expect(noId.out).toMatch(/grader\/bad-arguments: .*package\.json has no "iotkit": \{ "id": … \} entry/);
    const noEntry = fixtureWith('a0-no-entry', (pj) => {
      pj['iotkit'] = { id: 'a0' };
      pj['exports'] = { '.': { '@iotkit/source': './src/missing.ts' } };
    });
    expect(() => readStandaloneAssignment(noEntry)).toThrow(
      /assignment a0: its entry \.\/src\/missing\.ts is missing/,
    );
    expect((await cli(['start', join(work, 'nowhere')])).out).toMatch(/no package\.json in .*nowhere/);
  });

  it('names a wrong option or port value and a second folder', async () => {
    const unknown = await cli(['start', '.', '--verbose']);
    expect(unknown.code).toBe(2);
    expect(unknown.out).toMatch(/start: unknown option --verbose/);
    const port = await cli(['start', '.', '--database-port', 'zero']);
    expect(port.out).toMatch(/--database-port must be a port number \(0 picks a free one\), got "zero"/);
    expect((await cli(['start', 'a', 'b'])).out).toMatch(/start takes one assignment folder, got a b/);
  });

  it('says how to get free ports when the database port is taken', async () => {
    const assignment = fixtureWith('a0-port', (pj) => {
      pj['iotkit'] = { id: 'a0' };
      pj['exports'] = { '.': { '@iotkit/source': './src/calc.ts' } };
    });
    const taken = createServer();
    await new Promise<void>((ready) => taken.listen(0, '127.0.0.1', ready));
    try {
      const port = (taken.address() as AddressInfo).port;
      const run = await cli(['start', assignment, '--database-port', String(port)]);
      expect(run.code).toBe(2);
      expect(run.out).toMatch(
        new RegExp(`port ${port} is already in use.*pnpm start --database-port 0 --auth-port 0`),
      );
    } finally {
      taken.close();
    }
  });
});
