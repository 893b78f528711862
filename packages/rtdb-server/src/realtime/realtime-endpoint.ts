import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { allowAllPolicy, type AccessPolicy } from '../core/access-policy.js';
import type { Database } from '../core/database.js';
import { createLogger, type Logger } from '../core/logger.js';
import { isRtdbError } from '../core/rtdb-error.js';
import { DEFAULT_NAMESPACE, resolveNamespace } from '../core/namespace-resolver.js';
import {
  DEFAULT_DECODER_LIMITS,
  MAX_FRAME_CHARS,
  splitText,
  type FrameDecoderLimits,
} from './frame-codec.js';
import {
  LongPollEndpoint,
  type LongPollOptions,
  type SessionHandle,
} from './long-poll/long-poll-endpoint.js';
import { RealtimeSession, type RealtimeTransport } from './realtime-session.js';

/** What the realtime layer needs from the running server it serves. */
export interface RealtimeHost {
  /** The database of a namespace (created on first use). */
  database(namespace: string): Database;
  /** The rules in force for a namespace (default: allow everything). */
  policy?(namespace: string): AccessPolicy;
  /** Namespace for requests naming none (default `demo-iotkit-default-rtdb`). */
  defaultNamespace?: string;
  /** Server clock in ms (default `Date.now`). */
  clock?: () => number;
  /** Diagnostics (default: nothing); lines are tagged `rtdb:realtime` below this logger's tag. */
  logger?: Logger;
  /** Refuse non-admin realtime `get` of child-path queries no `.indexOn` declares, as REST does (default true; only bites once rules are loaded). */
  requireIndexes?: boolean;
  /** Subscribes to rules changes, so open listens are re-checked; returns the remover. */
  addPolicyChangeListener?(listener: (namespace: string) => void): () => void;
}

/** Tuning of {@link createRealtimeEndpoint}; the defaults suit the SDKs. */
export interface RealtimeOptions {
  /** Makes session ids (default: 16 random hex digits). */
  sessionId?: () => string;
  /** Interval of WebSocket pings that detect dead peers; 0 disables (default 30 s). */
  heartbeatMs?: number;
  /** Bounds on client framing. */
  limits?: FrameDecoderLimits;
  /** Outgoing bytes a slow client may leave unread before it is disconnected (default 64 MiB). */
  maxBufferedBytes?: number;
  /** Tuning of the long-polling transport (`/.lp`) browsers fall back to. */
  longPoll?: LongPollOptions;
}

/**
 * The realtime endpoint of a server. It owns no HTTP server: whoever routes requests hands it the
 * WebSocket upgrades of `/.ws` and the requests of `/.lp`.
 */
export interface RealtimeEndpoint {
  /** Takes a WebSocket upgrade request for `/.ws` (a wrong path or namespace gets an HTTP error). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Answers one request of the long-polling transport (`/.lp`). */
  handleLongPoll(request: IncomingMessage, response: ServerResponse): void;
  /** Number of open sessions (WebSocket and long-polling). */
  sessionCount(): number;
  /** Re-evaluates every listen of a namespace against its rules (call after the rules change). */
  policyChanged(namespace: string): void;
  /** Disconnects every client, runs their onDisconnect writes, and stops accepting upgrades. */
  close(): Promise<void>;
}

interface NamespaceHub {
  sessions: Set<RealtimeSession>;
  unsubscribe: () => void;
}

/**
 * Serves the realtime protocol (v5) of the official SDKs: WebSockets at `/.ws?v=5&ns=…` and the
 * long-polling fallback at `/.lp`, for the router of the HTTP server to hand requests to.
 *
 * @param host - the running server: databases, rules
 * @param options - tuning
 * @returns the endpoint, to close with the server
 */
export function createRealtimeEndpoint(host: RealtimeHost, options: RealtimeOptions = {}): RealtimeEndpoint {
  const clock = host.clock ?? Date.now;
  const logger = (host.logger ?? createLogger('rtdb', { level: 'silent' })).child('realtime');
  const policyOf = (ns: string): AccessPolicy => host.policy?.(ns) ?? allowAllPolicy;
  const makeId = options.sessionId ?? (() => randomBytes(8).toString('hex'));
  const limits = options.limits ?? DEFAULT_DECODER_LIMITS;
  const maxBuffered = options.maxBufferedBytes ?? 64 * 1024 * 1024;
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 16 * 1024 * 1024 });
  const sessions = new Map<string, RealtimeSession>();
  const hubs = new Map<string, NamespaceHub>();
  const sockets = new Set<WebSocket>();
  const finishing = new Set<Promise<void>>();
  let closing = false;

  const hubFor = (ns: string, db: Database): NamespaceHub => {
    let hub = hubs.get(ns);
    if (!hub) {
      const members = new Set<RealtimeSession>();
      // Filed at the root, this runs before any listen's own handler for the same write, so a
      // listen the write makes unreadable is revoked before its data would be pushed.
      const unsubscribe = db.listen([], () => {
        if (policyOf(ns) === allowAllPolicy) return;
        for (const session of members) session.recheckListens();
      });
      hub = { sessions: members, unsubscribe };
      hubs.set(ns, hub);
    }
    return hub;
  };

  // Shared by both transports: replaces the client's previous session, registers the new one
  // with its namespace, and returns how to end it once its transport is gone.
  const openSession = (
    transport: RealtimeTransport,
    request: IncomingMessage,
    ns: string,
    onControl?: (command: string) => void,
  ): SessionHandle => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const db = host.database(ns);
    const previous = sessions.get(url.searchParams.get('ls') ?? '');
    // A reconnecting client names its previous session; if that socket is still half-open, end it
    // now and let its onDisconnect writes run before anything the new session asks for.
    const previousDone = previous ? previous.handleClose() : undefined;
    previous?.terminate(4000, 'replaced by a newer session');
    const session = new RealtimeSession(
      transport,
      {
        sessionId: uniqueId(makeId, sessions),
        host: request.headers.host ?? 'localhost',
        db,
        policy: () => policyOf(ns),
        clock,
        logger,
        limits,
        requireIndexes: host.requireIndexes ?? true,
        ...(onControl ? { onControl } : {}),
      },
      previousDone,
    );
    sessions.set(session.id, session);
    const hub = hubFor(ns, db);
    hub.sessions.add(session);
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      if (sessions.get(session.id) === session) sessions.delete(session.id);
      hub.sessions.delete(session);
      const done = session.handleClose().finally(() => {
        finishing.delete(done);
        if (hub.sessions.size === 0 && hubs.get(ns) === hub) {
          hub.unsubscribe();
          hubs.delete(ns);
        }
      });
      finishing.add(done);
    };
    return { session, end };
  };

  // A push fanned out to many sockets is the same string each time: encode it once.
  let lastText = '';
  let lastBytes = Buffer.alloc(0);
  const webSocketTransport = (ws: WebSocket): RealtimeTransport => ({
    send: (text) => {
      if (ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > maxBuffered) {
        logger.warn(`disconnecting a client that stopped reading (${ws.bufferedAmount} bytes queued)`);
        ws.terminate();
        return;
      }
      if (text.length > MAX_FRAME_CHARS) {
        for (const frame of splitText(text)) ws.send(frame);
        return;
      }
      if (text !== lastText) {
        lastText = text;
        lastBytes = Buffer.from(text, 'utf8');
      }
      ws.send(lastBytes, { binary: false });
    },
    close: (code, reason) => {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason);
      else ws.terminate();
    },
  });

  // Heartbeat and bookkeeping every accepted socket gets, whatever session it carries.
  const trackSocket = (ws: WebSocket, what: () => string): void => {
    sockets.add(ws);
    let alive = true;
    ws.on('pong', () => {
      alive = true;
    });
    const heartbeat =
      (options.heartbeatMs ?? 30_000) > 0
        ? setInterval(() => {
            if (!alive) return ws.terminate();
            alive = false;
            ws.ping();
          }, options.heartbeatMs ?? 30_000)
        : undefined;
    heartbeat?.unref();
    ws.on('error', (error) => logger.debug(`socket error in ${what()}: ${error.message}`));
    ws.on('close', () => {
      clearInterval(heartbeat);
      sockets.delete(ws);
    });
  };

  const longPoll = new LongPollEndpoint(
    {
      openSession: (transport, request, url, onControl) => {
        const ns = resolveNamespace(
          url.searchParams.get('ns'),
          request.headers.host,
          host.defaultNamespace ?? DEFAULT_NAMESPACE,
        );
        return openSession(transport, request, ns, onControl);
      },
      webSocketTransport,
      logger: logger.child('long-poll'),
    },
    options.longPoll,
  );

  const onConnection = (ws: WebSocket, request: IncomingMessage, ns: string): void => {
    let handle: SessionHandle;
    try {
      handle = openSession(webSocketTransport(ws), request, ns);
    } catch (error) {
      logger.warn(`cannot open namespace ${ns}: ${String(error)}`);
      ws.close(1011, 'namespace unavailable');
      return;
    }
    const { session } = handle;
    trackSocket(ws, () => `session ${session.id}`);
    ws.on('message', (data, isBinary) => {
      session.receiveFrame(isBinary ? Buffer.from(data as Buffer).toString('utf8') : String(data));
    });
    ws.on('close', () => handle.end());
    session.start();
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/.ws' || closing) {
      rejectUpgrade(socket, closing ? 503 : 404, closing ? 'Server is shutting down' : 'Not found');
      return;
    }
    let ns: string;
    try {
      ns = resolveNamespace(
        url.searchParams.get('ns'),
        request.headers.host,
        host.defaultNamespace ?? DEFAULT_NAMESPACE,
      );
    } catch (error) {
      rejectUpgrade(socket, 400, isRtdbError(error) ? error.message : 'Invalid namespace');
      return;
    }
    const transportSession = url.searchParams.get('s');
    if (transportSession !== null) {
      // A long-polling browser moving its session onto a WebSocket.
      wss.handleUpgrade(request, socket, head, (ws) => {
        trackSocket(ws, () => `upgrade of session ${transportSession}`);
        longPoll.upgrade(ws, transportSession, request.headers.host ?? 'localhost');
      });
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws, request, ns));
  };

  const policyChanged = (ns: string): void => {
    for (const session of hubs.get(ns)?.sessions ?? []) session.recheckListens(true);
  };
  const stopPolicyUpdates = host.addPolicyChangeListener?.(policyChanged);

  return {
    handleUpgrade: onUpgrade,
    handleLongPoll: (request, response) => longPoll.handle(request, response),
    sessionCount: () => sessions.size,
    policyChanged,
    close: async () => {
      closing = true;
      stopPolicyUpdates?.();
      longPoll.close();
      for (const ws of sockets) ws.terminate();
      // Each terminated socket reports 'close' asynchronously; wait until all have, then until
      // their onDisconnect writes are done.
      const deadline = Date.now() + 5000;
      while (sockets.size > 0 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
      await Promise.all([...finishing]);
      for (const hub of hubs.values()) hub.unsubscribe();
      hubs.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function uniqueId(makeId: () => string, taken: Map<string, unknown>): string {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const id = makeId();
    if (id.length > 0 && !taken.has(id)) return id;
  }
  // An injected generator that keeps repeating itself must not break the handshake.
  return randomBytes(12).toString('hex');
}

function rejectUpgrade(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: message });
  socket.end(
    `HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : status === 503 ? 'Service Unavailable' : 'Bad Request'}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
