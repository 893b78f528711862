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

/** `"Connection closed" x11` for each distinct error the client reported, most frequent first. */
function reasons(errors: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const e of errors) counts.set(e, (counts.get(e) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([message, n]) => `"${message}" x${n}`)
    .join(', ');
}

/**
 * How many times the application publishes a message again after the client reported it failed
 * (only in the "resent by the app" run). mqtt.js fails a QoS 1/2 publish that it queued while it
 * was replaying its outgoing store after a reconnect if the link drops again before the replay
 * ends: the message never left the client, so sending it again cannot duplicate it.
 */
const APP_RESENDS = 5;

async function qosRun(
  brokerUrl: string,
  proxyPort: number,
  qos: 0 | 1 | 2,
  messages: number,
  appResends = false,
): Promise<LabRow> {
  const name = appResends ? `${qos}-resend` : String(qos);
  const topic = `lab/qos${name}/ir`;
  const subscriber = await connectAsync(brokerUrl, { reconnectPeriod: 0, clientId: `lab-sub-${name}` });
  const seen = new Map<string, number>();
  subscriber.on('message', (_t, payload) => seen.set(String(payload), (seen.get(String(payload)) ?? 0) + 1));
  await subscriber.subscribeAsync(topic, { qos });
  // A persistent session (clean: false) keeps unacknowledged QoS 1/2 messages across the cuts;
  // QoS 0 messages are not queued while offline, as on a device.
  const publisher: MqttClient = await connectAsync(`mqtt://127.0.0.1:${proxyPort}`, {
    clientId: `lab-pub-${name}`,
    clean: false,
    reconnectPeriod: 20,
    queueQoSZero: false,
    resubscribe: false,
  });
  publisher.on('error', () => undefined);
  let reconnects = 0;
  const failed: string[] = [];
  let resent = 0;
  publisher.on('reconnect', () => (reconnects += 1));
  // Resent once the client says it is connected again: mqtt.js emits `connect` after its store
  // replay, and a publish made from inside the failure callback would land in the very queue
  // that is being dropped.
  const retry: Array<{ payload: string; attempt: number }> = [];
  const send = (payload: string, attempt: number): void => {
    publisher.publish(topic, payload, { qos }, (error) => {
      if (!error) return;
      if (appResends && attempt < APP_RESENDS) retry.push({ payload, attempt: attempt + 1 });
      else failed.push(error.message);
    });
  };
  publisher.on('connect', () => {
    for (const { payload, attempt } of retry.splice(0)) {
      resent += 1;
      send(payload, attempt);
    }
  });
  const start = performance.now();
  for (let i = 1; i <= messages; i += 1) {
    // Not awaited for QoS 1/2: the client keeps them until acknowledged, even across reconnects.
    send(String(i), 0);
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
    case: appResends ? `QoS ${qos}, failed ones resent by the app` : `QoS ${qos} over a lossy link`,
    sent: messages,
    delivered,
    lost: messages - delivered,
    duplicates,
    'failed in client': failed.length,
    'resent by app': resent,
    reconnects,
    'ms until settled': Math.round(ms),
    'client said': reasons(failed),
  };
}

/** The columns of a row that is not a QoS run. */
const quiet = { 'resent by app': 0 } as const;

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
    ...quiet,
    reconnects: 0,
    'ms until settled': 0,
    'client said': '',
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
    ...quiet,
    reconnects: 0,
    'ms until settled': Math.round(ms),
    'client said': '',
  };
}

/**
 * QoS 0, 1 and 2 through a proxy that cuts the publisher's connection every few hundred bytes:
 * how many messages the subscriber got, lost and got twice, and what the client reported; QoS 2
 * again with an application that resends what the client reported failed; then a retained
 * message for a late subscriber and a last will on a cut connection. Everything on loopback, on
 * the kit's broker.
 * @param options - see {@link MqttLabOptions}
 */
export async function runMqttLab(options: MqttLabOptions = {}): Promise<LabResult> {
  const messages = options.messages ?? 100;
  const broker = await startMqttBroker({ wsPort: false });
  const proxy = await startLossyProxy(broker.port, options.cutAfterBytes ?? 600);
  try {
    const rows: LabRow[] = [];
    for (const qos of [0, 1, 2] as const) rows.push(await qosRun(broker.url, proxy.port, qos, messages));
    rows.push(await qosRun(broker.url, proxy.port, 2, messages, true));
    rows.push(await retainedRun(broker.url), await willRun(broker.url));
    return {
      lab: 'mqtt',
      title: `${messages} messages per QoS level through a link cut every ${options.cutAfterBytes ?? 600} bytes (${proxy.cuts()} cuts), QoS 2 again with the app resending what the client failed, then retained and last will`,
      rows,
      chart: { value: 'delivered', label: 'case', unit: 'messages' },
    };
  } finally {
    await proxy.close();
    await broker.close();
  }
}
