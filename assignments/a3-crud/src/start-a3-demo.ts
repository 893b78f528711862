import { join } from 'node:path';
import type { StartAssignmentDemo } from '@iotkit/backend';
import { DeviceEventFeed } from '@iotkit/data-viewer';
import { buildAppDevice, startDevice } from '@iotkit/devices';
import type { DeviceHandle } from '@iotkit/devices';
import { startA3Page } from '../companion/page/src/a3-page-server.js';
import type { RunningA3Page } from '../companion/page/src/a3-page-server.js';
import { A3_FIRMWARE_DIR } from './a3-paths.js';
import { adminRest, feedDemoDevice } from './demo-data.js';
import { ensureDemoAccount } from './device-account.js';

/** Where the demo runs. */
export interface A3DemoOptions {
  /** RTDB base URL, e.g. `http://127.0.0.1:9000`. */
  readonly rtdbUrl: string;
  /** Auth emulator base URL, e.g. `http://127.0.0.1:9099`. */
  readonly authUrl: string;
  /** Database namespace; defaults to `a3-demo`. */
  readonly namespace?: string;
  /** Firebase project id of the backend; defaults to `demo-iotkit`. */
  readonly projectId?: string;
  /** Page port; `0` picks a free one. Default 5174 (a free one if taken). */
  readonly pagePort?: number;
  /** A new reading every this many ms (default 4000). */
  readonly readingEveryMs?: number;
  /** Progress lines while starting (the firmware build takes a while the first time). */
  readonly onProgress?: (line: string) => void;
}

/** The running demo. */
export interface RunningA3Demo {
  /** The page: the device's data live, its LCD, a keypad, the operation log. */
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
export const A3_DEMO_ACCOUNT = { email: 'a3-demo-device@example.com', password: 'a3-demo-pass' } as const;

/**
 * Assignment 3 running on its own: the reference firmware as a virtual device, readings arriving
 * as A2's device would send them, and the page with a keypad that drives the device. Needs the
 * local backend (RTDB + Auth) already running.
 * @param options - see {@link A3DemoOptions}
 */
export async function startA3Demo(options: A3DemoOptions): Promise<RunningA3Demo> {
  const progress = options.onProgress ?? (() => undefined);
  const namespace = options.namespace ?? 'a3-demo';
  const projectId = options.projectId ?? 'demo-iotkit';
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    progress('A3: building the virtual device (the first time takes a minute)…');
    const executable = await buildAppDevice({ appDir: join(A3_FIRMWARE_DIR, 'src', 'app'), name: 'a3' });
    const uid = await ensureDemoAccount(options.authUrl, A3_DEMO_ACCOUNT.email, A3_DEMO_ACCOUNT.password);
    const admin = adminRest(options.rtdbUrl, namespace);
    let step = 0;
    await feedDemoDevice(admin, uid, step++);
    const feedTimer = setInterval(() => {
      feedDemoDevice(admin, uid, step++).catch((error: Error) =>
        progress(`A3: demo reading not written: ${error.message}`),
      );
    }, options.readingEveryMs ?? 4000);
    stops.push(async () => clearInterval(feedTimer));

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
        email: A3_DEMO_ACCOUNT.email,
        password: A3_DEMO_ACCOUNT.password,
        app: {},
      },
    });
    stops.push(async () => {
      await device.stop();
    });
    const pageOptions = {
      databaseHost: new URL(options.rtdbUrl).host,
      namespace,
      projectId,
      uid,
      feed,
      pressKeys: (keys: string) => device.press(keys),
    };
    const page: RunningA3Page = await startA3Page({ ...pageOptions, port: options.pagePort ?? 5174 }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE') return startA3Page({ ...pageOptions, port: 0 });
        throw error;
      },
    );
    stops.push(() => page.stop());
    return {
      pageUrl: page.url,
      uid,
      device,
      lines: [
        `A3 page           ${page.url}`,
        `  device          a3 reference firmware, uid ${uid}, namespace ${namespace}`,
        '  keypad          A read · B <digits> # threshold · C # delete oldest · D menu',
      ],
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * `iotkit start a3`: the demo on the running local backend (the convention every assignment follows).
 * @param options - the backend's URLs and project
 */
export const startDemo: StartAssignmentDemo = (options) =>
  startA3Demo({
    rtdbUrl: options.rtdbUrl,
    authUrl: options.authUrl,
    projectId: options.projectId,
    ...(options.namespace !== undefined ? { namespace: options.namespace } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
