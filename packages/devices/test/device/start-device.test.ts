// Process-level behaviour of startDevice with the real demo firmware, no backend needed: the
// device is pointed at a closed port, so only boot, inputs, errors and shutdown are exercised.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DevicesError,
  buildFirmware,
  startDevice,
  type DeviceConfig,
  type DeviceLaunch,
  type HttpEvent,
  type LogEvent,
} from '../../src/index.js';

const offline: DeviceConfig = {
  rtdbUrl: 'http://127.0.0.1:9',
  authUrl: 'http://127.0.0.1:9',
  apiKey: 'demo-key',
  email: 'nobody@example.com',
  password: 'secret123',
};

// The firmware is built once by test/global-setup.ts.
describe('startDevice', () => {
  it('boots, reports the first LCD frame, and exits 0 on stop()', async () => {
    const device = startDevice({ app: 'demo', config: offline });
    const boot = await device.waitFor((e) => e.type === 'boot', 5000, { includePast: true });
    expect(boot).toMatchObject({ type: 'boot', app: 'demo' });
    await device.waitFor((e) => e.type === 'lcd' && e.lines[1] === 'signing in', 5000, { includePast: true });
    const exit = await device.stop();
    expect(exit).toMatchObject({ type: 'exit', code: 0, signal: null });
    expect(device.timeline().at(-1)?.event.type).toBe('exit');
  });

  it('reads the device clock through a mark, after a loop pass, without showing marks in the timeline', async () => {
    const device = startDevice({ app: 'demo', config: offline });
    await device.waitFor((e) => e.type === 'boot', 5000, { includePast: true });
    const first = await device.deviceTime();
    const until = first + 300;
    const reached = await device.runUntil(until, 10_000);
    expect(reached).toBeGreaterThanOrEqual(until);
    // Events the device reported meanwhile carry the same clock: none can be later than its answer.
    const later = await device.deviceTime();
    expect(later).toBeGreaterThanOrEqual(reached);
    expect(device.timeline().filter((entry) => entry.event.type === 'mark')).toEqual([]);
    expect(device.formatTimeline()).not.toContain('mark');
    await device.stop();
  });

  it('names a loop that never ends when the clock read gets no answer', async () => {
    const device = startDevice({ app: 'demo', config: offline });
    await device.waitFor((e) => e.type === 'boot', 5000, { includePast: true });
    process.kill(device.pid!, 'SIGSTOP'); // as a loop() that blocks: the device cannot answer
    try {
      await expect(device.deviceTime(300)).rejects.toMatchObject({
        code: 'devices/timeout',
        message: expect.stringMatching(
          /^the device did not finish a pass of loop\(\) within 300 ms: something in loop\(\) blocks/,
        ),
      });
    } finally {
      process.kill(device.pid!, 'SIGCONT');
    }
    await device.stop();
  });

  it('ends a clock read with devices/exited when the device is gone', async () => {
    const device = startDevice({ app: 'demo', config: offline });
    await device.waitFor((e) => e.type === 'boot', 5000, { includePast: true });
    await device.kill();
    await expect(device.deviceTime(2000)).rejects.toMatchObject({ code: 'devices/exited' });
  });

  it('reports a refused connection as an http event with status 0 and keeps retrying', async () => {
    const device = startDevice({ app: 'demo', config: offline });
    const http = await device.waitFor((e) => e.type === 'http', 5000);
    expect(http).toMatchObject({ method: 'POST', status: 0, error: 'connect-failed' });
    const warn = await device.waitFor((e): e is LogEvent => e.type === 'log' && e.level === 'warn', 5000, {
      includePast: true,
    });
    expect(warn.msg).toContain('auth/network');
    await device.stop();
  });

  it('exits with code 1 and a final error log when the config has a wrong type', async () => {
    const device = startDevice({
      app: 'demo',
      config: { ...offline, namespace: 5 } as unknown as DeviceConfig,
    });
    const exit = await device.exited;
    expect(exit.code).toBe(1);
    const last = device.timeline().at(-2)?.event;
    expect(last).toMatchObject({ type: 'log', level: 'error' });
    expect((last as LogEvent).msg).toContain('namespace');
  });

  it('exits with code 2 when the app settings are invalid', async () => {
    const device = startDevice({ app: 'demo', config: { ...offline, app: { readingIntervalMs: 1 } } });
    const exit = await device.exited;
    expect(exit.code).toBe(2);
    expect(device.formatTimeline()).toContain('readingIntervalMs');
  });

  it('rejects bad inputs before they reach the device', async () => {
    const device = startDevice({ app: 'demo', config: offline });
    expect(() => device.press('12X')).toThrowError(expect.objectContaining({ code: 'devices/bad-input' }));
    expect(() => device.setIr(1.5)).toThrowError(expect.objectContaining({ code: 'devices/bad-input' }));
    await device.kill();
  });

  it('the firmware warns about malformed input lines instead of crashing', async () => {
    const device = startDevice({ app: 'demo', config: offline });
    await device.waitFor((e) => e.type === 'boot', 5000, { includePast: true });
    device.send({ type: 'key', key: 'Q' });
    const warn = await device.waitFor(
      (e): e is LogEvent => e.type === 'log' && e.msg.startsWith('bad input'),
      5000,
    );
    expect(warn.msg).toContain('one of 0-9');
    expect((await device.stop()).code).toBe(0);
  });

  it('waitFor times out with devices/timeout and the recent timeline', async () => {
    const device = startDevice({ app: 'demo', config: offline });
    // Booted first (a busy machine may take seconds), so the timeline the error carries has it.
    await device.waitFor((e) => e.type === 'boot', 20_000, { includePast: true });
    const error = await device.waitFor((e) => e.type === 'servo', 300).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DevicesError);
    expect((error as DevicesError).code).toBe('devices/timeout');
    expect((error as DevicesError).message).toContain('boot demo');
    await device.stop();
  });

  it('waitFor rejects with devices/exited when the device dies first', async () => {
    const device = startDevice({ app: 'demo', config: offline });
    const waiting = device.waitFor((e) => e.type === 'servo', 10_000);
    await device.kill();
    await expect(waiting).rejects.toMatchObject({ code: 'devices/exited' });
  });

  it('kills the process at maxRunMs', async () => {
    const device = startDevice({ app: 'demo', config: offline, maxRunMs: 300 });
    const exit = await device.exited;
    expect(exit.signal).toBe('SIGKILL');
  });

  it('events() iterates until exit', async () => {
    const device = startDevice({ app: 'demo', config: offline });
    const types: string[] = [];
    const iterate = (async () => {
      for await (const event of device.events()) types.push(event.type);
    })();
    await device.waitFor((e) => e.type === 'http', 5000, { includePast: true });
    await device.stop();
    await iterate;
    expect(types).toContain('http');
    expect(types.at(-1)).toBe('exit');
  });

  it('replays a firmware-side scenario file and exits on its quit even with stdin open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iotkit-scenario-'));
    const file = join(dir, 'inputs.jsonl');
    writeFileSync(file, ['{"type":"ir","value":100,"at":50}', '{"type":"quit","at":200}'].join('\n'));
    try {
      const device = startDevice({ app: 'demo', config: offline, scenarioFile: file });
      const exit = await device.exited;
      expect(exit.code).toBe(0);
      expect(
        device.timeline().some((e) => e.event.type === 'log' && e.event.msg.startsWith('bad input')),
      ).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a scenario file with a bad line, naming the line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iotkit-scenario-'));
    const file = join(dir, 'inputs.jsonl');
    writeFileSync(file, '{"type":"ir","value":1}\n{"type":"fly"}\n');
    try {
      const device = startDevice({ app: 'demo', config: offline, scenarioFile: file });
      expect((await device.exited).code).toBe(1);
      expect(device.formatTimeline()).toContain('scenario line 2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('adds simulated latency to every request', async () => {
    const device = startDevice({ app: 'demo', config: offline, latencyMs: 250 });
    const http = await device.waitFor((e): e is HttpEvent => e.type === 'http', 5000);
    expect(http.ms).toBeGreaterThanOrEqual(250);
    await device.stop();
    expect(() => startDevice({ app: 'demo', config: offline, latencyMs: -1 })).toThrowError(
      expect.objectContaining({ code: 'devices/bad-config' }),
    );
  });

  it('starts through a wrapper with only the variables it sets, naming the files the device reads', async () => {
    const seen: DeviceLaunch[] = [];
    // a stand-in for a sandbox: env -i proves the device gets the wrapper's environment, not ours
    const device = startDevice({
      app: 'demo',
      config: offline,
      latencyMs: 5,
      wrap: (launch) => {
        seen.push(launch);
        const vars = Object.entries(launch.env).map(([k, v]) => `${k}=${v}`);
        return { file: '/usr/bin/env', args: ['-i', ...vars, launch.file, ...launch.args], env: {} };
      },
    });
    await device.waitFor((e) => e.type === 'boot', 5000, { includePast: true });
    const exit = await device.stop();
    expect(exit.code).toBe(0);
    const launch = seen[0];
    expect(launch?.env).toEqual({ IOTKIT_SIM_LATENCY_MS: '5' });
    expect(launch?.files[0]).toBe(launch?.file);
    expect(launch?.files[1]).toBe(launch?.args[1]);
    expect(launch?.args[0]).toBe('--config');
  });

  it('throws devices/not-built for a missing executable', () => {
    expect(() => startDevice({ executable: '/nonexistent/device', config: offline })).toThrowError(
      expect.objectContaining({ code: 'devices/not-built' }),
    );
  });
});

describe('buildFirmware', () => {
  it('names the OS package when a tool is missing', async () => {
    const error = await buildFirmware({ env: { ...process.env, PATH: '/nonexistent' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'devices/missing-tool' });
    expect((error as Error).message).toMatch(/cmake not found: install cmake/);
  });

  it('names the -dev package when a library is missing', async () => {
    const error = await buildFirmware({
      env: { ...process.env, PKG_CONFIG_LIBDIR: '/nonexistent', PKG_CONFIG_PATH: '' },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'devices/missing-tool' });
    expect((error as Error).message).toContain(
      'libcurl not found by pkg-config: install libcurl4-openssl-dev',
    );
  });
});
