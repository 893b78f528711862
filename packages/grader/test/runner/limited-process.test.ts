import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runLimited } from '../../src/runner/limited-process.js';

const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };

describe('runLimited', () => {
  it('kills the whole process group at the wall clock, grandchildren included', async () => {
    // a sleep with a duration nobody else uses, so ps can find it
    const marker = `${3000 + (process.pid % 1000)}.${Date.now() % 100000}`;
    const r = await runLimited('sh', ['-c', `sleep ${marker} & sleep ${marker}; echo never`], {
      cwd: '/',
      env,
      timeoutMs: 500,
      outputLimitBytes: 1000,
    });
    expect(r.timedOut).toBe(true);
    expect(r.signal).toBe('SIGKILL');
    const ps = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
    expect(ps.stdout).not.toContain(`sleep ${marker}`);
    expect(r.output).not.toContain('never');
  });

  it('passes only the given environment and bounds the output', async () => {
    const r = await runLimited(
      process.execPath,
      [
        '-e',
        'console.log(JSON.stringify(Object.keys(process.env).sort())); process.stdout.write("y".repeat(100000))',
      ],
      {
        cwd: '/',
        env: { ...env, ONLY_THIS: '1' },
        timeoutMs: 20_000,
        outputLimitBytes: 2000,
      },
    );
    expect(r.code).toBe(0);
    expect(r.output.startsWith('["ONLY_THIS","PATH"]')).toBe(true);
    expect(r.output.length).toBeLessThan(2100);
    expect(r.output).toMatch(/bytes cut/);
  });

  it('reports a program that cannot start', async () => {
    const r = await runLimited('/nonexistent/tool', [], {
      cwd: '/',
      env,
      timeoutMs: 1000,
      outputLimitBytes: 1000,
    });
    expect(r.code).toBeNull();
    expect(r.output).toMatch(/failed to start \/nonexistent\/tool/);
  });
});
