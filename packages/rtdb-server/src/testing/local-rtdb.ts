import { startRtdbServer } from '../server/rtdb-server.js';

/** A local RTDB started by {@link startLocalRtdb}, with an admin REST shortcut. */
export interface LocalRtdb {
  /** `host:port`, as `FIREBASE_DATABASE_EMULATOR_HOST` wants it. */
  readonly host: string;
  /**
   * One REST request as the admin (`auth=owner`, so rules do not apply); resolves with the JSON
   * body and rejects on any status but 2xx.
   * @param method - HTTP method
   * @param path - database path without the `.json`
   * @param ns - namespace
   * @param value - request body, for writes
   */
  rest(method: string, path: string, ns: string, value?: unknown): Promise<unknown>;
  /** Closes the server. */
  stop(): Promise<void>;
}

/**
 * Starts an in-memory server (REST and realtime WebSocket) on a free loopback port, quietly: the
 * shape tests of code built on the database want.
 * @returns the running server and its admin shortcut
 */
export async function startLocalRtdb(): Promise<LocalRtdb> {
  const server = await startRtdbServer({ port: 0, log: () => undefined });
  const host = `127.0.0.1:${server.port}`;
  return {
    host,
    rest: async (method, path, ns, value) => {
      const res = await fetch(`http://${host}/${path}.json?ns=${ns}&auth=owner`, {
        method,
        ...(value === undefined ? {} : { body: JSON.stringify(value) }),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    stop: () => server.close(),
  };
}
