// The A1 device (the reference firmware as a virtual device, libmosquitto inside) against real
// brokers: the kit's aedes broker with the kit's RTDB and the official Auth emulator for the HTTP
// half, then Debian's mosquitto. mqtt.js subscribes as a lab would and checks what arrives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAsync, type IPublishPacket, type MqttClient } from 'mqtt';
import { startLocalBackend, startMqttBroker } from '@iotkit/backend';
import type { RunningLocalBackend, RunningMqttBroker } from '@iotkit/backend';
import { buildAppDevice, startDevice, type DeviceHandle } from '@iotkit/devices';
import { A1_ROOT } from '../../src/a1-paths.js';
import { startDebianMosquitto, type DebianMosquitto } from './debian-mosquitto.js';

const COURSE_RULES = fileURLToPath(new URL('../../../../database.rules.json', import.meta.url));
const NAMESPACE = 'a1-device-test';

interface Received {
  readonly topic: string;
  readonly text: string;
  readonly qos: number;
  readonly retain: boolean;
}

/** An mqtt.js subscriber that keeps everything it receives and can wait for a condition. */
class Listener {
  readonly messages: Received[] = [];
  private waiters: Array<() => void> = [];

  constructor(readonly client: MqttClient) {
    client.on('message', (topic, payload, packet: IPublishPacket) => {
      this.messages.push({ topic, text: payload.toString(), qos: packet.qos, retain: packet.retain });
      for (const wake of this.waiters) wake();
    });
  }

  /** Resolves with the matching messages once `enough` says so; rejects after `ms` with what did arrive. */
  waitFor(what: string, enough: (messages: Received[]) => boolean, ms = 30_000): Promise<Received[]> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!enough(this.messages)) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve(this.messages);
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(
          new Error(`${what} did not arrive in ${ms} ms; got ${JSON.stringify(this.messages.slice(-8))}`),
        );
      }, ms);
      this.waiters.push(check);
      check();
    });
  }
}

const readingsOf = (messages: Received[], device: string): Array<{ ir: number; seq: number; qos: number }> =>
  messages
    .filter((m) => m.topic === `iotkit/${device}/ir`)
    .map((m) => ({ ...(JSON.parse(m.text) as { ir: number; seq: number }), qos: m.qos }));

let executable: string;
let backend: RunningLocalBackend;
let aedes: RunningMqttBroker;
let mosquitto: DebianMosquitto;
const stops: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  // One after the other: the build and the Auth emulator's start-up can hold the event loop long
  // enough to use up a broker's start-up ceiling.
  executable = await buildAppDevice({ appDir: join(A1_ROOT, 'firmware', 'src', 'app'), name: 'a1' });
  backend = await startLocalBackend();
  stops.push(() => backend.stop());
  aedes = await startMqttBroker({ wsPort: false });
  stops.push(() => aedes.close());
  mosquitto = await startDebianMosquitto();
  stops.push(() => mosquitto.close());
  const rules = await fetch(`${backend.urls.database}/.settings/rules.json?ns=${NAMESPACE}&auth=owner`, {
    method: 'PUT',
    body: readFileSync(COURSE_RULES, 'utf8'),
  });
  expect(rules.status, await rules.text()).toBe(200);
}, 300_000);

afterAll(async () => {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
});

async function subscribe(url: string, filter: string): Promise<Listener> {
  const client = await connectAsync(url, { reconnectPeriod: 0, clientId: `a1-test-${Date.now()}` });
  stops.push(() => client.endAsync(true));
  const listener = new Listener(client);
  await client.subscribeAsync(filter, { qos: 1 });
  return listener;
}

function runDevice(config: Parameters<typeof startDevice>[0]['config']): DeviceHandle {
  const device = startDevice({ executable, config, maxRunMs: 120_000 });
  stops.push(() => device.stop());
  return device;
}

describe('A1 device', () => {
  it('publishes its readings at QoS 1 on the kit broker, writes them over HTTP, obeys a command and leaves a will', async () => {
    const device = 'a1-aedes';
    const listener = await subscribe(aedes.url, `iotkit/${device}/#`);
    const signUp = await fetch(
      `${backend.urls.auth}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-key`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: `a1-${process.pid}@example.com`,
          password: 'a1-pass',
          returnSecureToken: true,
        }),
      },
    );
    const account = (await signUp.json()) as { localId: string };
    const handle = runDevice({
      rtdbUrl: backend.urls.database ?? '',
      namespace: NAMESPACE,
      authUrl: backend.urls.auth ?? '',
      apiKey: 'demo-key',
      email: `a1-${process.pid}@example.com`,
      password: 'a1-pass',
      app: { device, mqttPort: aedes.port, intervalMs: 200 },
    });
    handle.setIr(1234);

    await listener.waitFor('the retained "online" status', (all) =>
      all.some((m) => m.topic === `iotkit/${device}/status` && m.text === 'online'),
    );
    await listener.waitFor(
      'three readings of 1234',
      (all) => readingsOf(all, device).filter((r) => r.ir === 1234).length >= 3,
    );
    const readings = readingsOf(listener.messages, device);
    expect(readings.every((r) => r.qos === 1)).toBe(true);
    const seqs = readings.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);

    // The same reading went to the database over HTTP, under the device's own uid.
    const latest = await (
      await fetch(
        `${backend.urls.database}/devices/${account.localId}/latest.json?ns=${NAMESPACE}&auth=owner`,
      )
    ).json();
    expect(latest).toMatchObject({ ir: 1234 });
    expect(handle.timeline().some((e) => e.event.type === 'http' && e.event.method === 'PUT')).toBe(true);

    // A command on iotkit/<device>/cmd; a bad one is refused with the reason.
    const publisher = listener.client;
    await publisher.publishAsync(`iotkit/${device}/cmd`, '{"intervalMs":500}', { qos: 1 });
    await handle.waitFor((e) => e.type === 'log' && e.msg === 'command: reading interval now 500 ms', 15_000);
    await publisher.publishAsync(`iotkit/${device}/cmd`, '{"reboot":true}', { qos: 1 });
    await handle.waitFor(
      (e) => e.type === 'log' && e.msg.startsWith('command refused: unknown command'),
      15_000,
    );

    // The process ends without DISCONNECT, like a board losing power: the broker sends the will.
    await handle.stop();
    await listener.waitFor('the "offline" will', (all) =>
      all.some((m) => m.topic === `iotkit/${device}/status` && m.text === 'offline'),
    );
  }, 120_000);

  it('works the same against Debian mosquitto (MQTT only)', async () => {
    const device = 'a1-mosquitto';
    const listener = await subscribe(mosquitto.url, `iotkit/${device}/#`);
    const handle = runDevice({
      rtdbUrl: backend.urls.database ?? '',
      authUrl: backend.urls.auth ?? '',
      app: { device, mqttPort: mosquitto.port, intervalMs: 200, http: false },
    });
    handle.setIr(77);
    await listener.waitFor(
      'two readings of 77',
      (all) => readingsOf(all, device).filter((r) => r.ir === 77).length >= 2,
    );
    expect(readingsOf(listener.messages, device).every((r) => r.qos === 1)).toBe(true);
    expect(handle.timeline().some((e) => e.event.type === 'http')).toBe(false);
    await handle.stop();
    await listener.waitFor('the "offline" will', (all) =>
      all.some((m) => m.topic === `iotkit/${device}/status` && m.text === 'offline'),
    );
  }, 120_000);

  it('names an MQTT setting that is wrong and stops', async () => {
    const handle = runDevice({
      rtdbUrl: backend.urls.database ?? '',
      authUrl: backend.urls.auth ?? '',
      app: { device: 'a1/+', mqttPort: aedes.port },
    });
    const exit = await handle.exited;
    expect(exit.code).toBe(2);
    expect(handle.timeline().map((e) => (e.event.type === 'log' ? e.event.msg : ''))).toContain(
      "bad config: app.device must be 1-64 characters without '/', '+', '#', '$' or spaces (it is one topic level)",
    );
  }, 60_000);
});
