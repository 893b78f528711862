import { chownSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSubmission, sandboxedCommand } from '../../src/harness/run-submission.js';
import { submissionPath } from '../../src/harness/submission-dir.js';
import { sandboxSupport } from '../../src/sandbox/sandbox-support.js';
import { scratchDir } from '../helpers/fixture-paths.js';

const work = scratchDir('harness');
// a uid of this file's own, as grade gives each submission (so parallel test files do not share a process budget)
const UID = 210_000 + (process.pid % 10_000);
const expectedUid = process.getuid?.() === 0 ? UID : 65534;
const saved = { ...process.env };
let server: Server;
let port = 0;

beforeAll(async () => {
  mkdirSync(join(work, 'sub'));
  mkdirSync(join(work, 'outside'));
  writeFileSync(join(work, 'outside', 'secret.txt'), 'not for the submission');
  writeFileSync(join(work, 'sub', 'env.mjs'), 'console.log(JSON.stringify(Object.keys(process.env).sort()))');
  writeFileSync(join(work, 'sub', 'loop.mjs'), 'for (;;) {}');
  writeFileSync(
    join(work, 'sub', 'probe.mjs'),
    [
      "import { readFileSync, readdirSync, writeFileSync } from 'node:fs';",
      "import { connect } from 'node:net';",
      'const tryIt = (f) => { try { return f(); } catch (e) { return e.code; } };',
      'const port = Number(process.argv[2]);',
      'const reached = await new Promise((r) => { const s = connect(port, "127.0.0.1", () => { s.end(); r(true); }); s.on("error", () => r(false)); });',
      'console.log(JSON.stringify({',
      '  uid: process.getuid(),',
      `  secret: tryIt(() => readFileSync(${JSON.stringify(join(work, 'outside', 'secret.txt'))}, 'utf8')),`,
      "  tmp: readdirSync('/tmp'),",
      "  wrote: tryIt(() => { writeFileSync('out.txt', 'x'); return 'ok'; }),",
      "  hostname: readFileSync('/proc/sys/kernel/hostname', 'utf8').trim(),",
      '  pid: process.pid,',
      '  reached,',
      '}));',
    ].join('\n'),
  );
  // as grade does for a copy: the sandbox user owns the submission when the grader is root
  if (process.getuid?.() === 0) chownSync(join(work, 'sub'), UID, UID);
  process.env.IOTKIT_SUBMISSION_DIR = join(work, 'sub');
  process.env.IOTKIT_NAMESPACE = 'a0-alice';
  process.env.IOTKIT_GRADER_OUTPUT_LIMIT = '4096';
  process.env.IOTKIT_SANDBOX_UID = String(UID);
  process.env.SECRET_TOKEN = 'do-not-pass';
  server = createServer((s) => s.end());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});

afterAll(() => {
  process.env = saved;
  server.close();
  rmSync(work, { recursive: true, force: true });
});

describe('runSubmission', () => {
  it('runs in the submission folder with only PATH, HOME, TMPDIR, LANG (PWD from bwrap) and the kit variables', async () => {
    const r = await runSubmission('env.mjs', [], { kind: 'node' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      'HOME',
      'IOTKIT_NAMESPACE',
      'IOTKIT_SUBMISSION_DIR',
      'LANG',
      'PATH',
      ...(sandboxSupport().isolation === 'bwrap' ? ['PWD'] : []),
      'TMPDIR',
    ]);
    expect(submissionPath('env.mjs')).toBe(join(work, 'sub', 'env.mjs'));
    expect(() => submissionPath('/etc/passwd')).toThrow(/relative path/);
  });

  it('sees only its own folder, as nobody, in its own PID namespace, and still reaches loopback', async () => {
    expect(sandboxSupport().isolation, 'install bubblewrap: sudo apt-get install -y bubblewrap').toBe(
      'bwrap',
    );
    const r = await runSubmission('probe.mjs', [String(port)], { kind: 'node', timeoutMs: 20_000 });
    expect(r.stderr).toBe('');
    const seen = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(seen).toMatchObject({
      uid: expectedUid,
      secret: 'ENOENT',
      tmp: [],
      wrote: 'ok',
      hostname: 'iotkit-sandbox',
      reached: true,
    });
    expect(seen.pid).toBeLessThan(10);
    expect(r.isolation).toBe('bwrap');
  });

  it('kills a program that runs past its timeout', async () => {
    const r = await runSubmission('loop.mjs', [], { kind: 'node', timeoutMs: 1500 });
    expect(r.timedOut).toBe(true);
    expect(r.signal).toBe('SIGKILL');
  });

  it('limits memory, processes, open files and file size of native programs', async () => {
    process.env.IOTKIT_GRADER_MEMORY_MB = '64';
    const r = await runSubmission('sh', ['-c', 'ulimit -d; ulimit -n; ulimit -f; ulimit -c'], {
      kind: 'native',
      timeoutMs: 20_000,
    });
    delete process.env.IOTKIT_GRADER_MEMORY_MB;
    // sh reports kilobytes for -d and 512-byte blocks for -f
    expect(r.stdout.trim().split('\n')).toEqual([String((64 + 384) * 1024), '256', String(64 * 2048), '0']);
  });

  it('gives launchers the same sandbox as a command to spawn', () => {
    process.env.IOTKIT_GRADER_MEMORY_MB = '100';
    const node = sandboxedCommand('main.js', ['x'], 'node', join(work, 'sub'));
    const native = sandboxedCommand('./device', ['--config', 'c.json'], 'native', join(work, 'sub'), {
      EXTRA: '1',
    });
    delete process.env.IOTKIT_GRADER_MEMORY_MB;
    expect(node.args.slice(-3)).toEqual(['--max-old-space-size=100', join(work, 'sub', 'main.js'), 'x']);
    expect(native.args.slice(-3)).toEqual([join(work, 'sub', 'device'), '--config', 'c.json']);
    expect(native.env).toMatchObject({ HOME: join(work, 'sub'), EXTRA: '1', IOTKIT_NAMESPACE: 'a0-alice' });
    expect(native.env.SECRET_TOKEN).toBeUndefined();
    expect(native.isolation).toBe(sandboxSupport().isolation);
  });
});
