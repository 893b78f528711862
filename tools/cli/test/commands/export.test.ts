import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandArgs, CommandIo } from '../../src/command.js';
import { exportCommand } from '../../src/commands/export.js';
import { OS_PACKAGES } from '../../src/os/requirements.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const fixture = join(root, 'packages', 'grader', 'test', 'fixtures', 'a0-calc');
const dir = mkdtempSync(join(tmpdir(), 'export-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(
  positionals: string[],
  values: CommandArgs['values'] = {},
): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const io: CommandIo = {
    out: (t) => lines.push(t),
    err: (t) => lines.push(t),
    env: {},
    root,
    waitForInterrupt: () => new Promise(() => {}),
  };
  const code = await exportCommand.run({ positionals, values }, io);
  return { code, out: lines.join('\n') };
}

describe('iotkit export', () => {
  it('rejects a missing or unknown target as a usage error naming the targets', async () => {
    await expect(run(['gradescope'])).rejects.toMatchObject({ code: 'cli/usage' });
    await expect(run(['moodle', fixture])).rejects.toMatchObject({
      code: 'cli/usage',
      message: expect.stringContaining('use gradescope or classroom'),
    });
    await expect(run(['classroom', fixture])).rejects.toMatchObject({
      code: 'cli/usage',
      message: expect.stringContaining('--out DIR'),
    });
  });

  it('names the problem for an unknown assignment or an output that is not a zip', async () => {
    const missing = await run(['gradescope', 'a99'], { out: join(dir, 'x.zip') });
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/grader\/assignment-not-found/);
    const notZip = await run(['gradescope', fixture], { out: join(dir, 'bundle.tar') });
    expect(notZip.code).toBe(2);
    expect(notZip.out).toContain('--out must name a .zip file');
  });

  it('writes a Gradescope bundle whose setup installs the kit OS packages', async () => {
    const zip = join(dir, 'autograder.zip');
    const r = await run(['gradescope', fixture], { out: zip });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('Gradescope autograder written to');
    const bytes = readFileSync(zip);
    expect(bytes.subarray(0, 4).readUInt32LE(0)).toBe(0x04034b50);
    for (const name of ['setup.sh', 'run_autograder', 'source/grading/manifest.json'])
      expect(bytes.includes(Buffer.from(name)), name).toBe(true);
    expect(OS_PACKAGES).toContain('bubblewrap');
  });

  it('writes a Classroom template with its workflow', async () => {
    const out = join(dir, 'classroom');
    const r = await run(['classroom', fixture], { out });
    expect(r.code, r.out).toBe(0);
    const workflow = readFileSync(join(out, '.github', 'workflows', 'classroom.yml'), 'utf8');
    expect(workflow).toContain(`apt-get install -y --no-install-recommends ${OS_PACKAGES.join(' ')}`);
    expect(existsSync(join(out, 'grading', 'hidden'))).toBe(false);
  });
});
