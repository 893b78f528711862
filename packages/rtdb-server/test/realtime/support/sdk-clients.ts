import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectDatabaseEmulator, getDatabase, type Database } from 'firebase/database';

let appCounter = 0;

/** A `firebase` web SDK client of one namespace, connected the way the docs tell users to. */
export interface WebClient {
  app: FirebaseApp;
  db: Database;
  close(): Promise<void>;
}

/**
 * Opens a web SDK client against the local server.
 * @param mockUserToken - signs in as this user (an unsigned emulator token built by the SDK)
 */
export function webClient(
  port: number,
  ns: string,
  mockUserToken?: { sub: string; [claim: string]: unknown } | string,
): WebClient {
  appCounter += 1;
  const app = initializeApp(
    { projectId: 'demo-iotkit', databaseURL: `http://127.0.0.1:${port}?ns=${ns}` },
    `web-${ns}-${appCounter}`,
  );
  const db = getDatabase(app);
  connectDatabaseEmulator(
    db,
    '127.0.0.1',
    port,
    mockUserToken === undefined ? {} : { mockUserToken: mockUserToken as never },
  );
  return { app, db, close: () => deleteApp(app) };
}

/** Resolves when `check` returns true, polling; rejects with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Unique namespace names so tests never see each other's data. */
export function uniqueNamespace(prefix: string): string {
  appCounter += 1;
  return `${prefix}-${process.pid}-${appCounter}`.toLowerCase();
}
