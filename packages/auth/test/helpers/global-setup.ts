import { startAuthEmulator } from '@iotkit/backend';
import type { RunningAuthEmulator } from '@iotkit/backend';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the Auth emulator started for this run, e.g. `http://127.0.0.1:40123`. */
    authEmulatorUrl: string;
    /** `host:port`, the value firebase-admin expects in `FIREBASE_AUTH_EMULATOR_HOST`. */
    authEmulatorHost: string;
  }
}

let emulator: RunningAuthEmulator | undefined;

// One real emulator for the whole run, on a free port so parallel runs never collide.
export async function setup(project: TestProject): Promise<void> {
  emulator = await startAuthEmulator({ projectId: 'demo-iotkit' });
  project.provide('authEmulatorUrl', emulator.url);
  project.provide('authEmulatorHost', emulator.hostAndPort);
}

export async function teardown(): Promise<void> {
  await emulator?.stop();
}
