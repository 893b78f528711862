import { startRtdbServer } from '@iotkit/rtdb-server';

/** A real local RTDB (REST + realtime WebSocket) on a free port, in memory. */
export interface LocalRtdb {
  /** `host:port`. */
  readonly host: string;
  /** Admin REST helper: `rest('PUT', 'a/b', value, ns)`. */
  rest(method: string, path: string, ns: string, value?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

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
    stop: async () => {
      await server.close();
    },
  };
}

/** Polls `read` until it returns something accepted by `done` (or fails after `ms`). */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 5000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${ms} ms; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
