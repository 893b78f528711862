import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccessPolicy } from '../core/access-policy.js';
import { Database } from '../core/database.js';
import { createLogger, type LogSink, type LogThreshold } from '../core/logger.js';
import { DEFAULT_NAMESPACE, isValidNamespace } from '../core/namespace-resolver.js';
import { createPushIdGenerator } from '../core/push-id.js';
import { RtdbError } from '../core/rtdb-error.js';
import type { RestContext } from '../rest/rest-context.js';
import { createWriteFeedHandler, WRITE_FEED_PATH } from '../feed/write-feed.js';
import { createAdminHandler } from '../rest/rest-admin.js';
import { createRestHandler } from '../rest/rest-handler.js';
import { createRealtimeEndpoint } from '../realtime/realtime-endpoint.js';
import { createServerRules } from '../rules/server-rules.js';
import type { RulesRegistry } from '../rules/rules-registry.js';
import { NamespaceStore, storedNamespaces, type CompactionPolicy } from '../store/namespace-store.js';
import { lockDataDir } from './data-dir-lock.js';
import { isLoopbackHost } from './exposure.js';
import { HttpRouter } from './http-router.js';
import { RulesFiles } from './rules-files.js';

/** Options of {@link startRtdbServer}. */
export interface RtdbServerOptions {
  /** Port; `0` picks a free one. Default 9000. */
  port?: number;
  /** Interface; default `127.0.0.1`. Anything else is reachable from the network and logs a warning. */
  host?: string;
  /**
   * Whether the server is reachable beyond this machine (LAN mode for real ESP32s). When exposed,
   * the admin endpoints (`/.settings/*`, `/.inspect/*`) answer only requests carrying the owner
   * credential (`auth=owner` or `Authorization: Bearer owner`); on loopback they are open, as in
   * the emulator. Default: derived from `host` (exposed unless it is a loopback address). `true`
   * also protects a loopback server that something else forwards to; `false` with a
   * non-loopback `host` is refused (`rtdb/invalid-option`).
   */
  exposed?: boolean;
  /** Directory for logs and snapshots; absent = in-memory (data lost on exit). */
  dataDir?: string;
  /** Server clock, ms since the epoch. */
  clock?: () => number;
  /** Randomness for push ids, in [0, 1). */
  random?: () => number;
  /** Rules per namespace; default: everything allowed. */
  policyFor?: (namespace: string) => AccessPolicy;
  /** Called with new rules text (`PUT /.settings/rules.json`). Throw to refuse them (the old rules stay); return a policy to enforce them. */
  onRulesPut?: (namespace: string, text: string) => AccessPolicy | void | Promise<AccessPolicy | void>;
  /** Rules file (`database.rules.json`) enforced in every namespace without PUT rules; reloaded when it changes. */
  rulesFile?: string;
  /** Rules registry to use (default: a new one); gives access to rules and denials. */
  rules?: RulesRegistry;
  /** Refuse REST child-path queries whose index no `.indexOn` declares, as production does (default true; only bites once rules are loaded). `false` relaxes it for quick experiments. */
  requireIndexes?: boolean;
  /**
   * Where diagnostic lines go (default: standard error). Each line is tagged with its subsystem
   * and level, e.g. `rtdb:rules INFO reloaded database.rules.json`.
   */
  log?: LogSink;
  /**
   * The most detailed level logged: `silent`, `error`, `warn`, `info` or `debug`. Default: the
   * `IOTKIT_LOG` environment variable (a level, or `tag=level` entries such as
   * `rtdb:realtime=debug`), else `info`.
   */
  logLevel?: LogThreshold;
  /** Namespace of requests that name none. Default `demo-iotkit-default-rtdb`. */
  defaultNamespace?: string;
  /** Largest request body in bytes. Default 256 MB (the REST write limit). */
  maxRequestBytes?: number;
  /** Interval of SSE `keep-alive` events in ms. Default 30 000. */
  keepAliveMs?: number;
  /** When the write-ahead log is folded into a snapshot. */
  compaction?: CompactionPolicy;
}

/** A running server. */
export interface RunningRtdbServer {
  /** Base URL, e.g. `http://127.0.0.1:9000`. */
  readonly url: string;
  /** Bound port. */
  readonly port: number;
  /** Bound interface. */
  readonly host: string;
  /** Whether the admin endpoints require the owner credential (see {@link RtdbServerOptions.exposed}); `exposureNotice` words it for a banner. */
  readonly exposed: boolean;
  /** Decides which subsystem answers each request of the port; add a route for a new endpoint. */
  readonly router: HttpRouter;
  /** The namespace's database, created on first use. */
  database(namespace: string): Database;
  /** Namespaces in use or on disk. */
  namespaces(): string[];
  /** The HTTP server; its requests and upgrades go through {@link RunningRtdbServer.router}. */
  readonly httpServer: Server;
  /** The namespace's current policy. */
  policy(namespace: string): AccessPolicy;
  /** Replaces the namespace's policy and re-checks open streams and listens. */
  setPolicy(namespace: string, policy: AccessPolicy): void;
  /** Re-checks open streams/listens of the namespace (after rules changed). */
  onPolicyChange(namespace: string): void;
  /** Subscribes to policy changes (the realtime layer re-checks its listens); returns the remover. */
  addPolicyChangeListener(listener: (namespace: string) => void): () => void;
  /** Raw rules text of the namespace, if any were stored. */
  rulesText(namespace: string): string | undefined;
  /** Stores and applies rules text as `PUT /.settings/rules.json` does. */
  putRules(namespace: string, text: string): Promise<void>;
  /** Security rules of every namespace and the log of recent denials. */
  readonly rules: RulesRegistry;
  /** The REST handler's view of the server (for layers that serve requests). */
  readonly context: RestContext;
  /** Stops accepting, flushes every namespace, closes sockets. */
  close(): Promise<void>;
}

/** Starts the kit's Firebase-compatible Realtime Database server. */
export async function startRtdbServer(options: RtdbServerOptions = {}): Promise<RunningRtdbServer> {
  const host = options.host ?? '127.0.0.1';
  if (options.exposed === false && !isLoopbackHost(host))
    throw new RtdbError(
      'rtdb/invalid-option',
      `exposed: false contradicts host ${host}, which other machines can reach; bind 127.0.0.1 or leave exposed unset`,
    );
  const exposed = options.exposed ?? !isLoopbackHost(host);
  // An IOTKIT_LOG naming an unknown level stops the start here, with a message saying so.
  const logger = createLogger('rtdb', {
    ...(options.log ? { sink: options.log } : {}),
    ...(options.logLevel ? { level: options.logLevel } : {}),
  });
  const serverLog = logger.child('server');
  const clock = options.clock ?? Date.now;
  const dataDir = options.dataDir;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // Taken before any log is read: a second server on the same directory would truncate the
  // first one's log tail as if it were torn.
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  const databases = new Map<string, Database>();
  const stores = new Map<string, NamespaceStore>();
  const policies = new Map<string, AccessPolicy>();
  const databaseLog = logger.child('database');
  const rechecks = new Map<string, Set<() => void>>();
  const policyListeners = new Set<(namespace: string) => void>();
  const rulesFiles = new RulesFiles(dataDir);
  const serverRules = createServerRules({
    logger: logger.child('rules'),
    ...(options.rulesFile ? { rulesFile: options.rulesFile } : {}),
    ...(options.rules ? { registry: options.rules } : {}),
  });
  const pushId = createPushIdGenerator({ clock, ...(options.random ? { random: options.random } : {}) });

  const database = (namespace: string): Database => {
    let db = databases.get(namespace);
    if (db) return db;
    if (!isValidNamespace(namespace))
      throw new RtdbError('rtdb/invalid-query', `Invalid namespace "${namespace.slice(0, 80)}"`);
    if (dataDir) {
      const store = new NamespaceStore(dataDir, namespace, logger.child('store'), options.compaction);
      const initial = store.recover();
      db = new Database(namespace, { clock, logger: databaseLog, journal: store, initial });
      const opened = db;
      store.attach(() => opened.latestRoot());
      stores.set(namespace, store);
    } else {
      db = new Database(namespace, { clock, logger: databaseLog });
    }
    databases.set(namespace, db);
    return db;
  };
  const policy = (namespace: string): AccessPolicy =>
    policies.get(namespace) ?? options.policyFor?.(namespace) ?? serverRules.policyFor(namespace);
  const onPolicyChange = (namespace: string): void => {
    for (const recheck of [...(rechecks.get(namespace) ?? [])]) recheck();
    for (const listener of policyListeners) listener(namespace);
  };
  const setPolicy = (namespace: string, next: AccessPolicy): void => {
    policies.set(namespace, next);
    onPolicyChange(namespace);
  };
  const putRules = async (namespace: string, text: string): Promise<void> => {
    if (!isValidNamespace(namespace))
      throw new RtdbError('rtdb/invalid-query', `Invalid namespace "${namespace.slice(0, 80)}"`);
    let next: AccessPolicy | void = undefined;
    if (options.onRulesPut) {
      try {
        next = await options.onRulesPut(namespace, text);
      } catch (error) {
        if (error instanceof RtdbError) throw error;
        throw new RtdbError('rtdb/invalid-rules', error instanceof Error ? error.message : String(error), {
          cause: error,
        });
      }
    } else {
      serverRules.onRulesPut(namespace, text);
    }
    rulesFiles.save(namespace, text);
    if (next) setPolicy(namespace, next);
    else onPolicyChange(namespace);
  };

  const context: RestContext = {
    database,
    namespaces: () =>
      [...new Set([...databases.keys(), ...(dataDir ? storedNamespaces(dataDir) : [])])].sort(),
    policy,
    rulesText: (namespace) => rulesFiles.get(namespace) ?? serverRules.rulesText(namespace),
    denials: (namespace) => serverRules.denials(namespace),
    putRules,
    clock,
    pushId,
    defaultNamespace: options.defaultNamespace ?? DEFAULT_NAMESPACE,
    maxRequestBytes: options.maxRequestBytes ?? 256 * 1024 * 1024,
    requireIndexes: options.requireIndexes ?? true,
    keepAliveMs: options.keepAliveMs ?? 30_000,
    logger: logger.child('rest'),
    onPolicyChange: (namespace, recheck) => {
      let set = rechecks.get(namespace);
      if (!set) rechecks.set(namespace, (set = new Set()));
      set.add(recheck);
      return () => set.delete(recheck);
    },
  };

  // Rules stored by an earlier run are applied again before the first request.
  for (const [namespace, text] of rulesFiles.loadAll()) {
    try {
      await putRules(namespace, text);
    } catch (error) {
      serverLog.warn(
        `stored rules of ${namespace} were refused on start (${String(error)}); the namespace runs with open rules`,
      );
    }
  }
  if (dataDir) for (const namespace of storedNamespaces(dataDir)) database(namespace);

  // The SDKs' WebSocket protocol shares the port; its sessions end first on close so their onDisconnect writes are flushed.
  const realtime = createRealtimeEndpoint({
    database,
    policy,
    clock,
    logger,
    defaultNamespace: context.defaultNamespace,
    requireIndexes: options.requireIndexes ?? true,
    addPolicyChangeListener: (listener) => {
      policyListeners.add(listener);
      return () => policyListeners.delete(listener);
    },
  });
  const router = new HttpRouter({ fallback: createRestHandler(context), exposed, clock });
  const admin = createAdminHandler(context);
  router.route({ path: '/.settings/', admin: true, handle: admin });
  router.route({ path: '/.inspect/', admin: true, handle: admin });
  router.route({ path: '/.lp', admin: false, handle: realtime.handleLongPoll });
  // Owner-only whatever the exposure: it carries every writer's token claims.
  router.route({ path: WRITE_FEED_PATH, admin: true, handle: createWriteFeedHandler(context) });
  router.upgrade('/.ws', realtime.handleUpgrade);
  const httpServer = createServer(router.onRequest);
  httpServer.on('upgrade', router.onUpgrade);
  httpServer.keepAliveTimeout = 65_000;
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port ?? 9000, host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await realtime.close();
    serverRules.close();
    unlock();
    throw error;
  }
  httpServer.on('error', (error) => serverLog.error(`server error: ${String(error)}`));
  if (exposed) {
    serverLog.warn(
      `listening on ${host}, reachable from other machines. The database has no real authentication; use only on a network you trust. Admin endpoints (/.settings, /.inspect) need the owner credential.`,
    );
  }
  const port = (httpServer.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await realtime.close();
      await Promise.all([...databases.values()].map((db) => db.flush()));
      await Promise.all([...stores.values()].map((store) => store.close()));
      serverRules.close();
      unlock();
      httpServer.closeAllConnections();
      await stopped;
    })());

  serverRules.connect({ onPolicyChange, namespaces: context.namespaces });
  return {
    rules: serverRules.registry,
    url: `http://${urlHost}:${port}`,
    port,
    host,
    exposed,
    router,
    database,
    namespaces: context.namespaces,
    httpServer,
    policy,
    setPolicy,
    onPolicyChange,
    addPolicyChangeListener: (listener) => {
      policyListeners.add(listener);
      return () => policyListeners.delete(listener);
    },
    rulesText: context.rulesText,
    putRules,
    context,
    close,
  };
}
