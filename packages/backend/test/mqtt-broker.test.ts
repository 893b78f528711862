import { connectAsync, type MqttClient } from 'mqtt';
import { WebSocket } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BackendError, startMqttBroker, type RunningMqttBroker } from '../src/index.js';
import { startMosquitto } from './support/mosquitto.js';

interface Broker {
  readonly url: string;
  close(): Promise<void>;
}

function nextMessage(client: MqttClient, topic: string): Promise<{ payload: string; retain: boolean }> {
  return new Promise((resolve) => {
    const onMessage = (got: string, payload: Buffer, packet: { retain: boolean }): void => {
      if (got !== topic) return;
      client.off('message', onMessage);
      resolve({ payload: payload.toString(), retain: packet.retain });
    };
    client.on('message', onMessage);
  });
}

// The same client behaviour must hold on the kit's broker and on Debian's mosquitto, so a
// student can use either.
const brokers: Array<[string, () => Promise<Broker>]> = [
  ['aedes (the kit)', () => startMqttBroker()],
  ['mosquitto (Debian)', () => startMosquitto()],
];

describe.each(brokers)('MQTT clients against %s', (_name, start) => {
  let broker: Broker;
  const clients: MqttClient[] = [];
  const client = async (options: Parameters<typeof connectAsync>[1] = {}): Promise<MqttClient> => {
    const c = await connectAsync(broker.url, { reconnectPeriod: 0, ...options });
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    broker = await start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
  });
  afterAll(async () => {
    await broker?.close();
  });

  it('delivers a QoS 1 publish to a subscriber of a + wildcard', async () => {
    const sub = await client();
    await sub.subscribeAsync('lab/+/ir', { qos: 1 });
    const got = nextMessage(sub, 'lab/dev1/ir');
    const pub = await client();
    await pub.publishAsync('lab/dev1/ir', '512', { qos: 1 });
    expect((await got).payload).toBe('512');
  });

  it('keeps a retained message for a subscriber that comes later', async () => {
    const pub = await client();
    await pub.publishAsync('lab/dev2/state', 'on', { qos: 1, retain: true });
    const sub = await client();
    const got = nextMessage(sub, 'lab/dev2/state');
    await sub.subscribeAsync('lab/#', { qos: 1 });
    expect(await got).toEqual({ payload: 'on', retain: true });
  });

  it('publishes the last will when a client vanishes without DISCONNECT', async () => {
    const watcher = await client();
    await watcher.subscribeAsync('lab/dev3/status', { qos: 1 });
    const will = nextMessage(watcher, 'lab/dev3/status');
    const device = await client({
      will: { topic: 'lab/dev3/status', payload: Buffer.from('offline'), qos: 1 },
    });
    // Cut the TCP connection under the client: the broker sees a failure, not a goodbye.
    device.stream.destroy();
    expect((await will).payload).toBe('offline');
  });
});

describe('startMqttBroker', () => {
  let broker: RunningMqttBroker;
  beforeAll(async () => {
    broker = await startMqttBroker();
  });
  afterAll(async () => {
    await broker?.close();
  });

  it('bridges MQTT over WebSocket and MQTT over TCP', async () => {
    expect(broker.wsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/mqtt$/);
    const device = await connectAsync(broker.url, { reconnectPeriod: 0 });
    await device.subscribeAsync('lab/ws/ir');
    const got = nextMessage(device, 'lab/ws/ir');
    // A browser-style client written with the bare WebSocket API: mqtt.js inside vitest resolves
    // ws through its ESM wrapper, which lacks the stream helper mqtt.js needs.
    const socket = new WebSocket(broker.wsUrl!, 'mqtt');
    // The broker may split a packet over several WebSocket messages.
    let received = Buffer.alloc(0);
    const connack = new Promise<Buffer>((resolve) =>
      socket.on('message', (data: Buffer) => {
        received = Buffer.concat([received, data]);
        if (received.length >= 4) resolve(received);
      }),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    const clientId = Buffer.from('ws-page');
    const connectBody = Buffer.concat([
      Buffer.from([0, 4, ...Buffer.from('MQTT'), 4, 0x02, 0, 60, 0, clientId.length]),
      clientId,
    ]);
    socket.send(Buffer.concat([Buffer.from([0x10, connectBody.length]), connectBody]));
    expect([...(await connack)]).toEqual([0x20, 2, 0, 0]);
    const topic = Buffer.from('lab/ws/ir');
    const publishBody = Buffer.concat([Buffer.from([0, topic.length]), topic, Buffer.from('77')]);
    socket.send(Buffer.concat([Buffer.from([0x30, publishBody.length]), publishBody]));
    expect((await got).payload).toBe('77');
    socket.close();
    await device.endAsync(true);
  });

  it('names the taken port when another broker holds it', async () => {
    const error = await startMqttBroker({ port: broker.port, wsPort: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect((error as BackendError).code).toBe('backend/port-in-use');
    expect((error as BackendError).message).toContain(`MQTT port ${broker.port} is already in use`);
  });
});
