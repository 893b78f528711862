import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { allowAllPolicy, type AccessPolicy } from '../../../src/core/access-policy.js';
import { Database } from '../../../src/core/database.js';
import {
  createRealtimeEndpoint,
  type RealtimeEndpoint,
  type RealtimeOptions,
} from '../../../src/realtime/realtime-endpoint.js';

/** A plain HTTP server carrying only the realtime endpoint over in-memory databases. */
export interface BareHost {
  port: number;
  httpServer: Server;
  realtime: RealtimeEndpoint;
  database(ns: string): Database;
  setPolicy(ns: string, policy: AccessPolicy): void;
  close(): Promise<void>;
}

export async function startBareHost(
  options: RealtimeOptions & { port?: number; databases?: Map<string, Database> } = {},
): Promise<BareHost> {
  const databases = options.databases ?? new Map<string, Database>();
  const policies = new Map<string, AccessPolicy>();
  const database = (ns: string): Database => {
    let db = databases.get(ns);
    if (!db) {
      db = new Database(ns);
      databases.set(ns, db);
    }
    return db;
  };
  const realtime = createRealtimeEndpoint(
    { database, policy: (ns) => policies.get(ns) ?? allowAllPolicy },
    options,
  );
  const httpServer = createServer((req, res) => {
    if (req.url === '/.lp' || req.url?.startsWith('/.lp?')) {
      realtime.handleLongPoll(req, res);
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  httpServer.on('upgrade', realtime.handleUpgrade);
  await new Promise<void>((resolve) => httpServer.listen(options.port ?? 0, '127.0.0.1', resolve));
  return {
    port: (httpServer.address() as AddressInfo).port,
    httpServer,
    realtime,
    database,
    setPolicy: (ns, policy) => {
      policies.set(ns, policy);
      realtime.policyChanged(ns);
    },
    close: async () => {
      await realtime.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
