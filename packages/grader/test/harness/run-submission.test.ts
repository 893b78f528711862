import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSubmission, sandboxedCommand } from '../../src/harness/run-submission.js';
import { submissionPath } from '../../src/harness/submission-dir.js';
import { scratchDir } from '../helpers/fixture-paths.js';

const work = scratchDir('harness');
const saved = { ...process.env };

beforeAll(() => {
  mkdirSync(join(work, 'sub'));
  writeFileSync(join(work, 'sub', 'env.mjs'), 'console.log(JSON.stringify(Object.keys(process.env).sort()))');
  writeFileSync(join(work, 'sub', 'loop.mjs'), 'for (;;) {}');
  process.env.IOTKIT_SUBMISSION_DIR = join(work, 'sub');
  process.env.IOTKIT_NAMESPACE = 'a0-alice';
  process.env.IOTKIT_GRADER_OUTPUT_LIMIT = '4096';
  process.env.IOTKIT_SANDBOX_UID = 'not-a-number';
  process.env.SECRET_TOKEN = 'do-not-pass';
});

afterAll(() => {
  process.env = saved;
  rmSync(work, { recursive: true, force: true });
});

describe('runSubmission', () => {
  it('runs in the submission folder with only PATH, HOME and the kit variables', async () => {
    const r = await runSubmission('env.mjs', [], { kind: 'node' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(['HOME', 'IOTKIT_NAMESPACE', 'IOTKIT_SUBMISSION_DIR', 'PATH']);
    expect(submissionPath('env.mjs')).toBe(join(work, 'sub', 'env.mjs'));
    expect(() => submissionPath('/etc/passwd')).toThrow(/relative path/);
  });

  it('kills a program that runs past its timeout', async () => {
    const r = await runSubmission('loop.mjs', [], { kind: 'node', timeoutMs: 300 });
    expect(r.timedOut).toBe(true);
    expect(r.signal).toBe('SIGKILL');
  });

  it('limits the address space of native programs', async () => {
    process.env.IOTKIT_GRADER_MEMORY_MB = '64';
    const r = await runSubmission('sh', ['-c', 'ulimit -v'], { kind: 'native' });
    delete process.env.IOTKIT_GRADER_MEMORY_MB;
    expect(r.stdout.trim()).toBe(String(64 * 1024));
  });

  it('gives launchers the same limits as spawn arguments', () => {
    process.env.IOTKIT_GRADER_MEMORY_MB = '100';
    const node = sandboxedCommand('main.js', ['x'], 'node', '/tmp/s');
    const native = sandboxedCommand('./device', ['--config', 'c.json'], 'native', '/tmp/s', { EXTRA: '1' });
    delete process.env.IOTKIT_GRADER_MEMORY_MB;
    expect([node.file, node.args]).toEqual([process.execPath, ['--max-old-space-size=100', 'main.js', 'x']]);
    expect([native.file, native.args]).toEqual([
      'prlimit',
      [`--as=${100 * 1024 * 1024}`, '--', './device', '--config', 'c.json'],
    ]);
    expect(native.env).toMatchObject({ HOME: '/tmp/s', EXTRA: '1', IOTKIT_NAMESPACE: 'a0-alice' });
    expect(native.env.SECRET_TOKEN).toBeUndefined();
    expect(native.uid).toBeUndefined();
  });
});
