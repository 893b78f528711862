import { startMqttBroker } from '@iotkit/backend';
import { connectAsync, type MqttClient } from 'mqtt';
import type { LabResult, LabRow } from './lab-report.js';
import { startLossyProxy } from './lossy-proxy.js';

/** Options of {@link runMqttLab}. */
export interface MqttLabOptions {
  /** Messages per QoS level (default 100). */
  messages?: number;
  /** Bytes a proxied connection carries before it is cut (default 600, a few dozen packets). */
  cutAfterBytes?: number;
}

/** Resolves after `ms`. */
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `done()` or until nothing new arrived for `idleMs`, never longer than `maxMs`. */
async function settle(
  count: () => number,
  done: () => boolean,
  idleMs: number,
  maxMs: number,
): Promise<void> {
  const end = Date.now() + maxMs;
  let last = count();
  let lastChange = Date.now();
  while (!done() && Date.now() < end && Date.now() - lastChange < idleMs) {
    await pause(25);
    if (count() !== last) {
      last = count();
      lastChange = Date.now();
    }
  }
}

async function qosRun(
  brokerUrl: string,
  proxyPort: number,
  qos: 0 | 1 | 2,
  messages: number,
): Promise<LabRow> {
  const topic = `lab/qos${qos}/ir`;
  const subscriber = await connectAsync(brokerUrl, { reconnectPeriod: 0, clientId: `lab-sub-${qos}` });
  const seen = new Map<string, number>();
  subscriber.on('message', (_t, payload) => seen.set(String(payload), (seen.get(String(payload)) ?? 0) + 1));
  await subscriber.subscribeAsync(topic, { qos });
  // A persistent session (clean: false) keeps unacknowledged QoS 1/2 messages across the cuts;
  // QoS 0 messages are not queued while offline, as on a device.
  const publisher: MqttClient = await connectAsync(`mqtt://127.0.0.1:${proxyPort}`, {
    clientId: `lab-pub-${qos}`,
    clean: false,
    reconnectPeriod: 20,
    queueQoSZero: false,
    resubscribe: false,
  });
  publisher.on('error', () => undefined);
  let reconnects = 0;
  const failed: string[] = [];
  publisher.on('reconnect', () => (reconnects += 1));
  const start = performance.now();
  for (let i = 1; i <= messages; i += 1) {
    // Not awaited for QoS 1/2: the client keeps them until acknowledged, even across reconnects.
    publisher.publish(topic, String(i), { qos }, (error) => {
      if (error) failed.push(error.message);
    });
    await pause(2);
  }
  await settle(
    () => [...seen.values()].reduce((a, b) => a + b, 0),
    () => seen.size === messages && qos === 0,
    3000,
    20_000,
  );
  const ms = performance.now() - start;
  publisher.end(true);
  await subscriber.endAsync(true);
  const delivered = seen.size;
  const duplicates = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
  return {
    case: `QoS ${qos} over a lossy link`,
    sent: messages,
    delivered,
    lost: messages - delivered,
    duplicates,
    'failed in client': failed.length,
    reconnects,
    'ms until settled': Math.round(ms),
  };
}

async function retainedRun(brokerUrl: string): Promise<LabRow> {
  const publisher = await connectAsync(brokerUrl, { reconnectPeriod: 0 });
  await publisher.publishAsync('lab/retained/state', 'on', { qos: 1, retain: true });
  await publisher.endAsync();
  const late = await connectAsync(brokerUrl, { reconnectPeriod: 0 });
  const got = new Promise<boolean>((resolve) =>
    late.once('message', (_t, _p, packet) => resolve(packet.retain)),
  );
  await late.subscribeAsync('lab/retained/#', { qos: 1 });
  const retained = await Promise.race([got, pause(3000).then(() => undefined)]);
  await late.endAsync(true);
  return {
    case: 'retained message, late subscriber',
    sent: 1,
    delivered: retained ? 1 : 0,
    lost: retained ? 0 : 1,
    duplicates: 0,
    'failed in client': 0,
    reconnects: 0,
    'ms until settled': 0,
  };
}

async function willRun(brokerUrl: string): Promise<LabRow> {
  const watcher = await connectAsync(brokerUrl, { reconnectPeriod: 0 });
  await watcher.subscribeAsync('lab/will/status', { qos: 1 });
  const got = new Promise<string>((resolve) =>
    watcher.once('message', (_t, payload) => resolve(String(payload))),
  );
  const device = await connectAsync(brokerUrl, {
    reconnectPeriod: 0,
    will: { topic: 'lab/will/status', payload: Buffer.from('offline'), qos: 1 },
  });
  const start = performance.now();
  device.stream.destroy();
  const will = await Promise.race([got, pause(5000).then(() => undefined)]);
  const ms = performance.now() - start;
  await watcher.endAsync(true);
  return {
    case: 'last will, connection cut',
    sent: 1,
    delivered: will === 'offline' ? 1 : 0,
    lost: will === 'offline' ? 0 : 1,
    duplicates: 0,
    'failed in client': 0,
    reconnects: 0,
    'ms until settled': Math.round(ms),
  };
}

/**
 * QoS 0, 1 and 2 through a proxy that cuts the publisher's connection every few hundred bytes:
 * how many messages the subscriber got, lost and got twice; then a retained message for a late
 * subscriber and a last will on a cut connection. Everything on loopback, on the kit's broker.
 * @param options - see {@link MqttLabOptions}
 */
export async function runMqttLab(options: MqttLabOptions = {}): Promise<LabResult> {
  const messages = options.messages ?? 100;
  const broker = await startMqttBroker({ wsPort: false });
  const proxy = await startLossyProxy(broker.port, options.cutAfterBytes ?? 600);
  try {
    const rows: LabRow[] = [];
    for (const qos of [0, 1, 2] as const) rows.push(await qosRun(broker.url, proxy.port, qos, messages));
    rows.push(await retainedRun(broker.url), await willRun(broker.url));
    return {
      lab: 'mqtt',
      title: `${messages} messages per QoS level through a link cut every ${options.cutAfterBytes ?? 600} bytes (${proxy.cuts()} cuts), then retained and last will`,
      rows,
      chart: { value: 'delivered', label: 'case', unit: 'messages' },
    };
  } finally {
    await proxy.close();
    await broker.close();
  }
}
