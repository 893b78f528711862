// Starts the official Auth emulator (from firebase-tools) once for the package's tests: loading
// firebase-tools is the slow part, so the files that sign students in share one instance.
import { startAuthEmulator } from '@iotkit/backend';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    authUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const auth = await startAuthEmulator({ port: 0 });
  project.provide('authUrl', auth.url);
  return () => auth.stop();
}
