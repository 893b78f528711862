// `iotkit start` runs the kit's MQTT broker beside the database and Auth emulator; a real
// mqtt.js client publishes and subscribes through it on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPortFree } from '@iotkit/backend';
import { connectAsync } from 'mqtt';
import { afterAll, describe, expect, it } from 'vitest';
import { finished, signalGroup, spawnIotkit } from '../helpers/run-iotkit.js';

const dataDir = mkdtempSync(join(tmpdir(), 'iotkit-start-mqtt-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function outputUntil(child: ReturnType<typeof spawnIotkit>, marker: string): Promise<string> {
  let text = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${marker}" in output:\n${text}`)), 150_000);
    child.once('exit', (code) => reject(new Error(`iotkit exited with ${code}:\n${text}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes(marker)) {
        clearTimeout(timer);
        resolve(text);
      }
    });
  });
}

describe('iotkit start: MQTT broker', () => {
  it('serves MQTT on the port asked for and frees it on Ctrl-C', async () => {
    const child = spawnIotkit([
      'start',
      '--backend-only',
      ...['--auth-port', '0', '--database-port', '0', '--mqtt-port', '0', '--data-dir', dataDir],
    ]);
    const done = finished(child);
    try {
      const text = await outputUntil(child, 'Press Ctrl-C');
      const url = /MQTT broker +(mqtt:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
      expect(text).toMatch(/WebSocket +ws:\/\/127\.0\.0\.1:\d+\/mqtt/);
      expect(url).toBeDefined();
      const client = await connectAsync(url!, { reconnectPeriod: 0 });
      await client.subscribeAsync('kit/+/ir', { qos: 1 });
      const got = new Promise<string>((resolve) =>
        client.once('message', (_t, payload) => resolve(String(payload))),
      );
      await client.publishAsync('kit/dev/ir', '640', { qos: 1 });
      expect(await got).toBe('640');
      await client.endAsync();
      signalGroup(child, 'SIGINT');
      const result = await done;
      expect(result.code).toBe(0);
      expect(await isPortFree(Number(new URL(url!).port))).toBe(true);
    } finally {
      signalGroup(child, 'SIGKILL');
    }
  }, 240_000);

  it('rejects an MQTT port that is not a number', async () => {
    const result = await finished(spawnIotkit(['start', '--backend-only', '--once', '--mqtt-port', 'x']));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--mqtt-port must be a port number (0 picks a free one), got "x"');
  }, 120_000);
});
