import { randomUUID } from 'node:crypto';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import type { App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import type { Auth } from 'firebase-admin/auth';
import { inject } from 'vitest';
import { AuthClient, emulatorEndpoints } from '../../src/index.js';
import type { AuthClientOptions } from '../../src/index.js';

/** The emulator's base URL, provided by the global setup. */
export function emulatorUrl(): string {
  return inject('authEmulatorUrl');
}

/** A client for the run's emulator; extra options (clock, fetch) override the defaults. */
export function emulatorClient(options: Partial<AuthClientOptions> = {}): AuthClient {
  return new AuthClient({ endpoints: emulatorEndpoints(emulatorUrl()), ...options });
}

/** A unique address so tests never collide on the shared emulator. */
export function freshEmail(): string {
  return `user-${randomUUID()}@example.com`;
}

/**
 * firebase-admin in emulator mode. The env var is set in this test process only, never in the
 * library: firebase-admin has no other switch for the Auth emulator.
 */
export function adminAuth(): { auth: Auth; close: () => Promise<void> } {
  process.env['FIREBASE_AUTH_EMULATOR_HOST'] = inject('authEmulatorHost');
  const app: App = initializeApp({ projectId: 'demo-iotkit' }, `admin-${randomUUID()}`);
  return { auth: getAuth(app), close: () => deleteApp(app) };
}
