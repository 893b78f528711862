import { join } from 'node:path';
import { buildAppDevice, startDevice } from '@iotkit/devices';
import type { DeviceHandle } from '@iotkit/devices';
import type { StartAssignmentDemo } from '@iotkit/backend';
import { exportReportLines, startFunctionsRunner } from '@iotkit/functions-runner';
import type { RunningFunctions } from '@iotkit/functions-runner';
import { startDashboard } from '../companion/dashboard/src/dashboard-server.js';
import type { RunningDashboard } from '../companion/dashboard/src/dashboard-server.js';
import { A2_FIRMWARE_DIR, A2_FUNCTIONS_MODULE } from './a2-paths.js';
import { ensureDeviceAccount } from './device-account.js';
import { irSignal } from './ir-signal.js';

/** Where the demo runs and what it shows. */
export interface A2DemoOptions {
  /** RTDB base URL, e.g. `http://127.0.0.1:9000`. */
  readonly rtdbUrl: string;
  /** Auth emulator base URL, e.g. `http://127.0.0.1:9099`. */
  readonly authUrl: string;
  /** Database namespace; defaults to `a2-demo`. */
  readonly namespace?: string;
  readonly projectId?: string;
  /** Dashboard port; `0` picks a free one. Default 5173. */
  readonly dashboardPort?: number;
  /**
   * `function` (default): the cloud function maps; `local`: the device maps (the default when
   * `interactive`: a student's core work shows without the bonus; the function still runs).
   */
  readonly mode?: 'local' | 'function';
  /** Progress lines while starting (the firmware build takes a while the first time). */
  readonly onProgress?: (line: string) => void;
  /** The user types the password through {@link RunningA2Demo.keypad}; otherwise the demo types it. */
  readonly interactive?: boolean;
}

/** The running demo. */
export interface RunningA2Demo {
  readonly dashboardUrl: string;
  readonly uid: string;
  /** Lines to print: what runs where. */
  readonly lines: readonly string[];
  stop(): Promise<void>;
  /** Presses keys on the device's keypad (`0`–`9`, `*` deletes, `#` submits). */
  keypad(keys: string): void;
}

/** The demo device account; the password is what the scripted keypad types. */
export const DEMO_ACCOUNT = { email: 'a2-demo-device@example.com', password: '123456' } as const;

/**
 * Assignment 2 running on its own: the firmware of this folder as a virtual device (signed in by a
 * scripted keypad unless `interactive`, fed a slow IR wave), the cloud function through the functions runner, and the
 * dashboard. Needs the local backend (RTDB + Auth) already running.
 */
export async function startA2Demo(options: A2DemoOptions): Promise<RunningA2Demo> {
  const progress = options.onProgress ?? (() => undefined);
  const namespace = options.namespace ?? 'a2-demo';
  const projectId = options.projectId ?? 'demo-iotkit';
  const mode = options.mode ?? (options.interactive === true ? 'local' : 'function');
  const databaseHost = new URL(options.rtdbUrl).host;
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    progress('A2: building the virtual device (the first time takes a minute)…');
    const executable = await buildAppDevice({ appDir: join(A2_FIRMWARE_DIR, 'src', 'app'), name: 'a2' });
    const uid = await ensureDeviceAccount(options.authUrl, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
    let functions: RunningFunctions | undefined;
    let functionsProblem: string | undefined;
    if (mode === 'function' || options.interactive === true) {
      try {
        functions = await startFunctionsRunner({
          module: A2_FUNCTIONS_MODULE,
          databaseHost,
          namespace,
          projectId,
        });
        const running = functions;
        stops.push(() => running.stop());
      } catch (error) {
        // A student's unfinished function must not keep their device from running.
        if (mode === 'function') throw error;
        functionsProblem = error instanceof Error ? error.message : String(error);
      }
    }
    const device: DeviceHandle = startDevice({
      executable,
      maxRunMs: 7 * 24 * 3600_000,
      config: {
        rtdbUrl: options.rtdbUrl,
        namespace,
        authUrl: options.authUrl,
        apiKey: 'demo-key',
        email: DEMO_ACCOUNT.email,
        app: { mode, readingIntervalMs: 1000 },
      },
    });
    stops.push(async () => {
      await device.stop();
    });
    const started = Date.now();
    device.setIr(irSignal(0));
    if (options.interactive !== true) device.press(`${DEMO_ACCOUNT.password}#`);
    const timer = setInterval(() => device.setIr(irSignal(Date.now() - started)), 500);
    stops.push(async () => clearInterval(timer));
    const dashboardOptions = { databaseHost, namespace, projectId, uid };
    // 5173 when free, else any free port: the URL is printed either way.
    const dashboard: RunningDashboard = await startDashboard({
      ...dashboardOptions,
      port: options.dashboardPort ?? 5173,
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') return startDashboard({ ...dashboardOptions, port: 0 });
      throw error;
    });
    stops.push(() => dashboard.stop());
    return {
      dashboardUrl: dashboard.url,
      uid,
      lines: [
        `A2 dashboard      ${dashboard.url}`,
        `  device          a2 firmware built from firmware/src/app, uid ${uid}, mode "${mode}", namespace ${namespace}`,
        ...(options.interactive === true
          ? [
              `  keypad          type the password ${DEMO_ACCOUNT.password} and # here, then Enter (* deletes a digit)`,
            ]
          : []),
        ...(functions
          ? [
              `  cloud function  ${functions.triggers.map((t) => t.name).join(', ')} (functions runner)`,
              // Exports the runner will not fire locally (HTTPS, callable …) are named, not silently skipped.
              ...exportReportLines(functions.report.filter((r) => !r.runs)).map((line) => `    ${line}`),
            ]
          : []),
        ...(functionsProblem !== undefined
          ? [`  cloud function  not running: ${functionsProblem.split('\n')[0] ?? ''}`]
          : []),
      ],
      stop: stopAll,
      keypad: (keys) => device.press(keys),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** `iotkit start a2`: the demo on the running local backend (the convention every assignment follows). */
export const startDemo: StartAssignmentDemo = (options) =>
  startA2Demo({
    rtdbUrl: options.rtdbUrl,
    authUrl: options.authUrl,
    projectId: options.projectId,
    ...(options.namespace !== undefined ? { namespace: options.namespace } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.interactive !== undefined ? { interactive: options.interactive } : {}),
  });
