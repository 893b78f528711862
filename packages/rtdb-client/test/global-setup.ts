// Starts the real backend once for the whole run: the kit's RTDB server (in memory, free port)
// and the official Auth emulator from firebase-tools. Tests get their URLs through `inject`.
import { startAuthEmulator } from '@iotkit/backend';
import { startRtdbServer } from '@iotkit/rtdb-server';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    rtdbUrl: string;
    authUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [rtdb, auth] = await Promise.all([
    startRtdbServer({ port: 0, log: () => {} }),
    startAuthEmulator({ port: 0 }),
  ]);
  project.provide('rtdbUrl', rtdb.url);
  project.provide('authUrl', auth.url);
  return async () => {
    await Promise.all([rtdb.close(), auth.stop()]);
  };
}
