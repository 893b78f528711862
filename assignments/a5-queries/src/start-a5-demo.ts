import { join } from 'node:path';
import type { StartAssignmentDemo } from '@iotkit/backend';
import { DeviceEventFeed } from '@iotkit/data-viewer';
import { buildAppDevice, startDevice } from '@iotkit/devices';
import type { DeviceHandle } from '@iotkit/devices';
import { startA5Page } from '../companion/page/src/a5-page-server.js';
import type { RunningA5Page } from '../companion/page/src/a5-page-server.js';
import { A5_FIRMWARE_DIR } from './a5-paths.js';
import { ensureDemoAccount } from './device-account.js';

/** Where the demo runs. */
export interface A5DemoOptions {
  /** RTDB base URL, e.g. `http://127.0.0.1:9000`. */
  readonly rtdbUrl: string;
  /** Auth emulator base URL, e.g. `http://127.0.0.1:9099`. */
  readonly authUrl: string;
  /** Database namespace; defaults to `a5-demo`. */
  readonly namespace?: string;
  /** Firebase project id of the backend; defaults to `demo-iotkit`. */
  readonly projectId?: string;
  /** Page port; `0` picks a free one. Default 5175 (a free one if taken). */
  readonly pagePort?: number;
  /** Another reading (alternating zones) every this many ms; the device follows its live query. Default 5000. */
  readonly readingEveryMs?: number;
  /** Progress lines while starting (the firmware build takes a while the first time). */
  readonly onProgress?: (line: string) => void;
}

/** The running demo. */
export interface RunningA5Demo {
  /** The page: the live query, the device's data, its LCD and keypad. */
  readonly pageUrl: string;
  /** The demo device's uid. */
  readonly uid: string;
  /** Lines to print: what runs where. */
  readonly lines: readonly string[];
  /** The device (tests press keys through it). */
  readonly device: DeviceHandle;
  stop(): Promise<void>;
}

/** The demo device account (the device signs in with it at boot). */
export const A5_DEMO_ACCOUNT = { email: 'a5-demo-device@example.com', password: 'a5-demo-pass' } as const;

/**
 * The demo device's settings: the batch it pushes at boot and the query it runs, kept open as a
 * stream (bonus B4) so each matching reading shows up on the LCD as it lands.
 */
export const A5_DEMO_APP = {
  orderBy: 'zone',
  prefix: 'lab',
  live: true,
  readings: [
    { sensor: 'ir-desk', zone: 'lab-2', label: 'morning' },
    { sensor: 'ir-door', zone: 'hall', label: 'morning' },
    { sensor: 'ir-window', zone: 'lab-1', label: 'noon' },
  ],
} as const;

const DEMO_ZONES = ['lab-3', 'hall', 'lab-1', 'yard'] as const;

/**
 * Assignment 5 running on its own: the reference firmware as a virtual device (pushes its batch,
 * runs the prefix query, pages on the LCD, keeps the query open as a stream), a new reading now
 * and then (every other one matches), and the page with the same query live. Needs the local
 * backend (RTDB + Auth).
 * @param options - see {@link A5DemoOptions}
 */
export async function startA5Demo(options: A5DemoOptions): Promise<RunningA5Demo> {
  const progress = options.onProgress ?? (() => undefined);
  const namespace = options.namespace ?? 'a5-demo';
  const projectId = options.projectId ?? 'demo-iotkit';
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    progress('A5: building the virtual device (the first time takes a minute)…');
    const executable = await buildAppDevice({ appDir: join(A5_FIRMWARE_DIR, 'src', 'app'), name: 'a5' });
    const uid = await ensureDemoAccount(options.authUrl, A5_DEMO_ACCOUNT.email, A5_DEMO_ACCOUNT.password);
    const feed = new DeviceEventFeed();
    stops.push(async () => feed.close());
    const device = startDevice({
      executable,
      maxRunMs: 7 * 24 * 3600_000,
      onEvent: (event) => feed.publish(event),
      config: {
        rtdbUrl: options.rtdbUrl,
        namespace,
        authUrl: options.authUrl,
        apiKey: 'demo-key',
        email: A5_DEMO_ACCOUNT.email,
        password: A5_DEMO_ACCOUNT.password,
        app: A5_DEMO_APP,
      },
    });
    stops.push(async () => {
      await device.stop();
    });
    const readingsUrl = new URL(`/devices/${uid}/readings.json`, options.rtdbUrl);
    readingsUrl.searchParams.set('ns', namespace);
    let step = 0;
    const timer = setInterval(() => {
      const zone = DEMO_ZONES[step++ % DEMO_ZONES.length] as string;
      fetch(readingsUrl, {
        method: 'POST',
        headers: { authorization: 'Bearer owner', 'content-type': 'application/json' },
        body: JSON.stringify({
          ir: 500 + step,
          ts: { '.sv': 'timestamp' },
          sensor: 'ir-demo',
          zone,
          label: 'demo',
        }),
      }).catch((error: Error) => progress(`A5: demo reading not written: ${error.message}`));
    }, options.readingEveryMs ?? 5000);
    stops.push(async () => clearInterval(timer));
    const pageOptions = {
      databaseHost: new URL(options.rtdbUrl).host,
      namespace,
      projectId,
      uid,
      orderBy: A5_DEMO_APP.orderBy,
      prefix: A5_DEMO_APP.prefix,
      live: A5_DEMO_APP.live,
      feed,
      pressKeys: (keys: string) => device.press(keys),
    };
    const page: RunningA5Page = await startA5Page({ ...pageOptions, port: options.pagePort ?? 5175 }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE') return startA5Page({ ...pageOptions, port: 0 });
        throw error;
      },
    );
    stops.push(() => page.stop());
    return {
      pageUrl: page.url,
      uid,
      device,
      lines: [
        `A5 page           ${page.url}`,
        `  device          a5 reference firmware, uid ${uid}, namespace ${namespace}`,
        `  query           orderBy="${A5_DEMO_APP.orderBy}" prefix "${A5_DEMO_APP.prefix}", live; keypad # next · * previous · A again`,
      ],
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * `iotkit start a5`: the demo on the running local backend (the convention every assignment follows).
 * @param options - the backend's URLs and project
 */
export const startDemo: StartAssignmentDemo = (options) =>
  startA5Demo({
    rtdbUrl: options.rtdbUrl,
    authUrl: options.authUrl,
    projectId: options.projectId,
    ...(options.namespace !== undefined ? { namespace: options.namespace } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
