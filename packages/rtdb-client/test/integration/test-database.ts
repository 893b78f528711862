// Helpers for the integration tests: a client on a fresh namespace of the shared server, with
// every HTTP exchange recorded so that tests can check what went over the wire.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createRtdbClient, type RtdbClient, type RtdbClientOptions } from '../../src/index.js';

/** One request as the server saw it and the status it answered. */
export interface Exchange {
  method: string;
  url: string;
  status: number;
}

/** A client plus the log of its exchanges. */
export interface TestDatabase {
  db: RtdbClient;
  exchanges: Exchange[];
  namespace: string;
  url: string;
}

/** A namespace nobody else uses: tests stay independent while sharing one server. */
export function freshNamespace(prefix = 'client'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** An admin (`owner`) client on a fresh namespace, or with the given options. */
export function testDatabase(options: Partial<RtdbClientOptions> = {}): TestDatabase {
  const exchanges: Exchange[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    exchanges.push({ method: init?.method ?? 'GET', url: String(input), status: response.status });
    return response;
  };
  const namespace = options.namespace ?? freshNamespace();
  const url = options.databaseUrl ?? inject('rtdbUrl');
  const db = createRtdbClient({
    accessToken: 'owner',
    fetch: recordingFetch,
    ...options,
    databaseUrl: url,
    namespace,
  });
  return { db, exchanges, namespace, url };
}
