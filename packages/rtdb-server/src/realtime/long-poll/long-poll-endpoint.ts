import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebSocket } from 'ws';
import type { Logger } from '../../core/logger.js';
import type { RealtimeSession, RealtimeTransport } from '../realtime-session.js';
import { LongPollConnection } from './long-poll-connection.js';
import { LongPollRequestError, parseLongPollRequest, type LongPollRequest } from './long-poll-request.js';
import { disconnectFrameHtml } from './long-poll-script.js';
import {
  DEFAULT_SEGMENT_LIMITS,
  SegmentAssembler,
  type SegmentAssemblerLimits,
} from './segment-assembler.js';
import { TransportUpgrade } from './transport-upgrade.js';

/** A session opened for a transport, and how to end it once its transport is gone. */
export interface SessionHandle {
  /** The session. */
  session: RealtimeSession;
  /** Ends the session (runs its onDisconnect writes). Idempotent. */
  end(): void;
}

/** What the long-poll endpoint needs from the realtime server around it. */
export interface LongPollHost {
  /**
   * Opens a session on `transport` for the client making `request` (namespace, `ls`), or throws
   * a message for a 400 when the request names no usable namespace.
   */
  openSession(
    transport: RealtimeTransport,
    request: IncomingMessage,
    url: URL,
    onControl: (command: string) => void,
  ): SessionHandle;
  /** The WebSocket side of a session, with the usual framing and back-pressure. */
  webSocketTransport(ws: WebSocket): RealtimeTransport;
  /** Diagnostics (tag `rtdb:realtime:long-poll`). */
  logger: Logger;
}

/** Tuning of the long-poll endpoint. */
export interface LongPollOptions {
  /** How long a poll is held without news (default 20 s; the SDK re-polls after 25 s). */
  holdMs?: number;
  /** A connection with no request for this long is closed (default 60 s). */
  idleMs?: number;
  /** Outgoing characters a client may leave unfetched (default 64 Mi). */
  maxBufferedChars?: number;
  /** Bounds on incoming segments. */
  segmentLimits?: SegmentAssemblerLimits;
  /** Makes connection ids and passwords (default: random). */
  token?: () => string;
}

interface Entry {
  connection: LongPollConnection;
  assembler: SegmentAssembler;
  handle: SessionHandle | undefined;
  upgrade: TransportUpgrade | undefined;
  idle: NodeJS.Timeout | undefined;
}

/**
 * The `/.lp` endpoint: the long-polling transport browsers fall back to when a WebSocket attempt
 * failed, and the upgrade of such a session to a WebSocket (`/.ws?s=<session id>`).
 */
export class LongPollEndpoint {
  private readonly byId = new Map<string, Entry>();
  private readonly bySession = new Map<string, Entry>();
  private readonly holdMs: number;
  private readonly idleMs: number;
  private readonly token: () => string;
  private closing = false;

  /**
   * @param host - session factory and WebSocket wiring of the realtime server
   * @param options - tuning
   */
  constructor(
    private readonly host: LongPollHost,
    private readonly options: LongPollOptions = {},
  ) {
    this.holdMs = options.holdMs ?? 20_000;
    this.idleMs = options.idleMs ?? 60_000;
    this.token = options.token ?? (() => randomBytes(12).toString('hex'));
  }

  /** Number of open long-poll connections. */
  get connectionCount(): number {
    let open = 0;
    for (const entry of this.byId.values()) if (!entry.connection.ended) open += 1;
    return open;
  }

  /**
   * Answers one `/.lp` HTTP request. Never throws: a bad request gets a 400 naming the problem.
   *
   * @param req - the request
   * @param res - its response
   */
  handle(req: IncomingMessage, res: ServerResponse): void {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method !== 'GET' && req.method !== 'POST')
        return plain(res, 405, 'long-polling takes GET requests');
      if (this.closing) return plain(res, 503, 'the server is shutting down');
      const request = parseLongPollRequest(url.searchParams);
      if (request.kind === 'start') return this.start(req, res, url, request.callbackId);
      this.serve(res, url, request);
    } catch (error) {
      if (error instanceof LongPollRequestError)
        return plain(res, 400, `Invalid long-poll request: ${error.message}`);
      this.host.logger.error(`request failed: ${String(error)}`);
      plain(res, 500, 'internal error');
    }
  }

  /**
   * Takes over a WebSocket that asks to carry an existing long-poll session (`s=` parameter).
   *
   * @param ws - the accepted socket
   * @param sessionId - the `s` parameter
   * @param hostHeader - the Host the client used (for a reset message)
   */
  upgrade(ws: WebSocket, sessionId: string, hostHeader: string): void {
    const entry = this.bySession.get(sessionId);
    if (!entry || !entry.handle || entry.connection.ended) {
      // The SDK abandons the upgrade on a reset and carries on with long-polling.
      ws.send(JSON.stringify({ t: 'c', d: { t: 'r', d: hostHeader } }));
      ws.close(1008, 'unknown session');
      return;
    }
    entry.upgrade?.abandon();
    entry.upgrade = new TransportUpgrade(
      ws,
      entry.handle,
      this.host.webSocketTransport(ws),
      this.host.logger,
    );
  }

  /** Ends every long-poll connection (their sessions run their onDisconnect writes). */
  close(): void {
    this.closing = true;
    for (const entry of [...this.byId.values()]) {
      entry.upgrade?.abandon();
      entry.connection.close(1001, 'server shutting down');
      this.forget(entry);
    }
  }

  private start(req: IncomingMessage, res: ServerResponse, url: URL, callbackId: string): void {
    let id = this.token();
    while (this.byId.has(id)) id = this.token();
    const entry: Entry = {
      connection: undefined as never,
      assembler: new SegmentAssembler(this.options.segmentLimits ?? DEFAULT_SEGMENT_LIMITS),
      handle: undefined,
      upgrade: undefined,
      idle: undefined,
    };
    entry.connection = new LongPollConnection({
      id,
      password: this.token(),
      holdMs: this.holdMs,
      maxBufferedChars: this.options.maxBufferedChars ?? 64 * 1024 * 1024,
      logger: this.host.logger,
      onClosed: () => {
        entry.upgrade?.abandon();
        entry.handle?.end();
        this.forget(entry);
      },
    });
    try {
      entry.handle = this.host.openSession(entry.connection, req, url, (command) =>
        this.onControl(entry, command),
      );
    } catch (error) {
      plain(res, 400, `Invalid long-poll request: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    this.byId.set(id, entry);
    this.bySession.set(entry.handle.session.id, entry);
    this.touch(entry);
    entry.handle.session.start();
    entry.connection.answerStart(res, callbackId);
  }

  private serve(res: ServerResponse, url: URL, request: Exclude<LongPollRequest, { kind: 'start' }>): void {
    const entry = this.byId.get(request.id);
    if (!entry || !entry.connection.accepts(request.password)) {
      // The session is gone (server restarted, idle timeout): the SDK reconnects after a failed script.
      return plain(res, 404, 'Unknown long-poll connection: reconnect with start=t');
    }
    this.touch(entry);
    if (request.kind === 'frame') {
      const disconnect = new URLSearchParams({ disconn: 't', id: request.id, pw: request.password });
      const ns = url.searchParams.get('ns');
      if (ns !== null) disconnect.set('ns', ns);
      const body = disconnectFrameHtml(`/.lp?${disconnect.toString()}`);
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-cache',
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(body);
      return;
    }
    if (request.kind === 'disconnect') {
      entry.connection.close(1000, 'browser left');
      this.forget(entry);
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': 0 });
      res.end();
      return;
    }
    // An ended connection only tells late polls to close.
    if (entry.connection.ended) return entry.connection.hold(res);
    let messages: string[];
    try {
      messages = entry.assembler.push(request.segments);
    } catch (error) {
      // A broken segment stream cannot be resynchronised: this connection ends, others carry on.
      this.host.logger.info(`closing ${request.id}: ${String(error)}`);
      entry.connection.close(1002, 'bad segments');
      throw error;
    }
    for (const message of messages) {
      if (entry.connection.ended) break;
      entry.handle?.session.receiveMessage(message);
    }
    entry.connection.hold(res);
  }

  private onControl(entry: Entry, command: string): void {
    // The client's end of transmission: it now sends on the WebSocket only; we answer with our
    // own `n` as the last long-poll message, then send on the socket too.
    if (command !== 'n' || entry.connection.ended) return;
    const upgrade = entry.upgrade;
    if (!upgrade || !upgrade.open) {
      this.host.logger.info(`${entry.connection.id} ended transmission without a WebSocket; closing`);
      entry.connection.close(1002, 'end of transmission without upgrade');
      return;
    }
    entry.connection.endForUpgrade(JSON.stringify({ t: 'c', d: { t: 'n', d: {} } }));
    upgrade.complete();
    entry.upgrade = undefined;
    this.forget(entry);
  }

  private touch(entry: Entry): void {
    clearTimeout(entry.idle);
    entry.idle = setTimeout(() => {
      if (!entry.connection.ended) this.host.logger.debug(`${entry.connection.id} stopped polling; closing`);
      entry.upgrade?.abandon();
      entry.connection.close(1001, 'idle');
      this.forget(entry);
    }, this.idleMs);
    entry.idle.unref();
  }

  private forget(entry: Entry): void {
    // Ended connections stay known for one idle period, so late polls get the closing script.
    if (!entry.connection.ended) return;
    if (entry.handle && this.bySession.get(entry.handle.session.id) === entry)
      this.bySession.delete(entry.handle.session.id);
    clearTimeout(entry.idle);
    entry.idle = setTimeout(() => {
      if (this.byId.get(entry.connection.id) === entry) this.byId.delete(entry.connection.id);
    }, this.idleMs);
    entry.idle.unref();
  }
}

function plain(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = `${message}\n`;
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-cache',
  });
  res.end(body);
}
