import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StartAssignmentDemo } from '@iotkit/backend';
import { buildAppDevice, startDevice, type DeviceEvent, type LcdEvent } from '@iotkit/devices';
import { provisionDevice } from '../companion/provision/src/provision-device.js';
import { startStatusServer, type DeviceStatus } from '../companion/status-page/src/status-server.js';
import { A4_FIRMWARE_DIR } from './a4-paths.js';

/** Where the demo runs. */
export interface A4DemoOptions {
  /** RTDB base URL, e.g. `http://127.0.0.1:9000`. */
  readonly rtdbUrl: string;
  /** Auth emulator base URL, e.g. `http://127.0.0.1:9099`. */
  readonly authUrl: string;
  /** Database namespace; defaults to `a4-demo`. */
  readonly namespace?: string;
  /** Status page port; `0` picks a free one. Default 5176. */
  readonly pagePort?: number;
  /** Progress lines while starting (the firmware build takes a while the first time). */
  readonly onProgress?: (line: string) => void;
}

/** The running demo. */
export interface RunningA4Demo {
  readonly pageUrl: string;
  readonly uid: string;
  /** Lines to print: what runs where. */
  readonly lines: readonly string[];
  stop(): Promise<void>;
}

/** The demo user: the person who provisions the device from the laptop. */
export const DEMO_USER = { email: 'a4-demo-user@example.com', password: 'a4-demo-password' } as const;

const RENEWED = /^ID token renewed/;

/**
 * Assignment 4 running on its own: signs the demo user in on the Auth emulator, hands the
 * reference firmware (a virtual device with a store file) its tokens, feeds it a slow IR wave and
 * serves a status page. Needs the local backend already running.
 * @param options - see {@link A4DemoOptions}
 */
export async function startA4Demo(options: A4DemoOptions): Promise<RunningA4Demo> {
  const progress = options.onProgress ?? (() => undefined);
  const namespace = options.namespace ?? 'a4-demo';
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    progress('A4: building the virtual device (the first time takes a minute)…');
    const executable = await buildAppDevice({ appDir: join(A4_FIRMWARE_DIR, 'src', 'app'), name: 'a4' });
    const dir = mkdtempSync(join(tmpdir(), 'iotkit-a4-demo-'));
    stops.push(async () => rmSync(dir, { recursive: true, force: true }));
    const storeFile = join(dir, 'device-store.json');
    progress(`A4: signing ${DEMO_USER.email} in on the laptop side and handing the device its tokens…`);
    const provisioned = await provisionDevice({
      authUrl: options.authUrl,
      apiKey: 'demo-key',
      email: DEMO_USER.email,
      password: DEMO_USER.password,
      createIfMissing: true,
      target: { storeFile },
    });
    const events: DeviceEvent[] = [];
    const device = startDevice({
      executable,
      maxRunMs: 7 * 24 * 3600_000,
      env: { IOTKIT_STORE_FILE: storeFile },
      onEvent: (e) => {
        events.push(e);
        if (events.length > 2000) events.splice(0, 1000);
      },
      config: { rtdbUrl: options.rtdbUrl, namespace, authUrl: options.authUrl, apiKey: 'demo-key', app: {} },
    });
    stops.push(async () => {
      await device.stop();
    });
    const started = Date.now();
    const wave = (): number => Math.round(2047 + 2000 * Math.sin((Date.now() - started) / 4000));
    device.setIr(wave());
    const timer = setInterval(() => device.setIr(wave()), 500);
    stops.push(async () => clearInterval(timer));

    const base = options.rtdbUrl.replace(/\/$/, '');
    const read = async (path: string, query = ''): Promise<unknown> => {
      const res = await fetch(
        `${base}/devices/${provisioned.uid}/${path}.json?ns=${namespace}&auth=owner${query}`,
      );
      return res.ok ? res.json() : null;
    };
    const status = async (): Promise<DeviceStatus> => {
      const latest = (await read('latest')) as { ir: number; ts: number } | null;
      const readings = (await read('readings', '&shallow=true')) as Record<string, unknown> | null;
      const logs = events.flatMap((e) => (e.type === 'log' ? [`${e.level}: ${e.msg}`] : []));
      return {
        uid: provisioned.uid,
        lcd: events.filter((e): e is LcdEvent => e.type === 'lcd').at(-1)?.lines ?? ['', ''],
        claims: {
          iss: provisioned.summary.iss,
          aud: provisioned.summary.aud,
          exp: provisioned.summary.exp,
          signInProvider: provisioned.summary.signInProvider,
        },
        renewals: events.filter((e) => e.type === 'log' && RENEWED.test(e.msg)).length,
        latest,
        readings: readings ? Object.keys(readings).length : 0,
        log: logs.slice(-12),
      };
    };
    const page = await startStatusServer({ port: options.pagePort ?? 5176, status }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE') return startStatusServer({ port: 0, status });
        throw error;
      },
    );
    stops.push(() => page.stop());
    return {
      pageUrl: page.url,
      uid: provisioned.uid,
      lines: [
        `A4 status page    ${page.url}`,
        `  device          a4 reference firmware on a handed-over ID token, uid ${provisioned.uid}, namespace ${namespace}`,
        `  provisioned by  ${DEMO_USER.email} (signed in on the laptop side; the device never saw the password)`,
      ],
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** `iotkit start a4`: the demo on the running local backend (the convention every assignment follows). */
export const startDemo: StartAssignmentDemo = (options) =>
  startA4Demo({
    rtdbUrl: options.rtdbUrl,
    authUrl: options.authUrl,
    ...(options.namespace !== undefined ? { namespace: options.namespace } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
