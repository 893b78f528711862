import type { AccessPolicy } from '../core/access-policy.js';
import type { Database } from '../core/database.js';
import type { Logger } from '../core/logger.js';
import type { RequestContext } from '../core/request-context.js';
import { parseClientMessage, ClientMessageError, type ClientMessage } from './client-message.js';
import { FrameDecoder, type FrameDecoderLimits, DEFAULT_DECODER_LIMITS } from './frame-codec.js';
import { OnDisconnectQueue } from './on-disconnect-queue.js';
import { RequestQueue } from './request-queue.js';
import { controlText, pushText, replyText } from './server-message.js';
import { SessionListens } from './session-listens.js';
import { handleRequest, type RequestScope } from './session-requests.js';
import { wireFailure } from './wire-status.js';

/**
 * The connection under a session (a WebSocket, or long-polling in browsers): whole protocol
 * messages out, and a way to drop the connection. Framing is the transport's business.
 */
export interface RealtimeTransport {
  /** Sends one complete message text (no-op once closed). */
  send(message: string): void;
  /** Closes the connection with a WebSocket close code and reason. */
  close(code: number, reason: string): void;
}

/** Everything a session needs from the server around it. */
export interface RealtimeSessionOptions {
  /** The session id announced in the hello. */
  sessionId: string;
  /** The host the client reached us on (hello `h`). */
  host: string;
  /** The namespace's data. */
  db: Database;
  /** The rules in force for the namespace (looked up on every use: rules may be replaced). */
  policy: () => AccessPolicy;
  /** Server clock in ms. */
  clock: () => number;
  /** Diagnostics (tag `rtdb:realtime`). */
  logger: Logger;
  /** Bounds on client framing. */
  limits?: FrameDecoderLimits;
  /** Most requests a client may have waiting before it is disconnected as a flood. */
  maxQueuedRequests?: number;
  /** Refuse non-admin `get` of child-path queries no `.indexOn` declares, like REST (default false). */
  requireIndexes?: boolean;
  /** Receives control commands other than pings (the transport-upgrade `n`), in arrival order. */
  onControl?: (command: string) => void;
}

/**
 * One client connection speaking the realtime protocol v5: framing, the hello, keep-alives and
 * pings, and the data-layer requests, which run strictly in arrival order.
 */
export class RealtimeSession {
  /** The session id announced in the hello. */
  readonly id: string;
  private readonly decoder: FrameDecoder;
  private readonly queue: RequestQueue;
  private readonly listens: SessionListens;
  private readonly onDisconnect = new OnDisconnectQueue();
  private credential: Omit<RequestContext, 'now'> = { admin: false, auth: null };
  private expiryTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private finishedPromise: Promise<void> | undefined;

  /**
   * @param transport - the socket
   * @param options - server-side collaborators
   * @param startAfter - requests wait for this first (the onDisconnect writes of the session this
   *   client had before reconnecting)
   */
  constructor(
    private transport: RealtimeTransport,
    private readonly options: RealtimeSessionOptions,
    startAfter?: Promise<void>,
  ) {
    this.id = options.sessionId;
    this.decoder = new FrameDecoder(options.limits ?? DEFAULT_DECODER_LIMITS);
    this.queue = new RequestQueue((error) => options.logger.error(`request failed: ${String(error)}`));
    this.listens = new SessionListens({
      db: options.db,
      policy: options.policy,
      context: () => this.context(),
      send: (text) => this.send(text),
    });
    if (startAfter) void this.queue.enqueue(() => startAfter);
  }

  /** The namespace's data. */
  get db(): Database {
    return this.options.db;
  }

  /** Number of active listens (diagnostics and tests). */
  get listenCount(): number {
    return this.listens.size;
  }

  /** Sends the hello; must be the first message on the socket. */
  start(): void {
    this.send(controlText('h', { ts: this.options.clock(), v: '5', h: this.options.host, s: this.id }));
  }

  /** The identity requests currently run as, stamped with the server time. */
  context(): RequestContext {
    return { ...this.credential, now: this.options.clock() };
  }

  /**
   * Feeds one incoming text frame.
   *
   * @param frame - the frame's text
   */
  receiveFrame(frame: string): void {
    if (this.closed) return;
    const decoded = this.decoder.push(frame);
    if (decoded.kind === 'error') return this.protocolError(decoded.reason, 1009);
    if (decoded.kind !== 'message') return;
    this.receiveMessage(decoded.text);
  }

  /**
   * Feeds one complete message text (what a transport without WebSocket framing, such as
   * long-polling, delivers).
   *
   * @param text - the message's JSON text
   */
  receiveMessage(text: string): void {
    if (this.closed) return;
    if (text.length > (this.options.limits ?? DEFAULT_DECODER_LIMITS).maxMessageChars) {
      return this.protocolError('message too large', 1009);
    }
    let message: ClientMessage;
    try {
      message = parseClientMessage(text);
    } catch (error) {
      const problem = error instanceof ClientMessageError ? error : new ClientMessageError(String(error));
      if (problem.id === null) return this.protocolError(problem.message, 1002);
      const failure = wireFailure(problem);
      const id = problem.id;
      // Even a refusal waits its turn: replies leave in the order the requests came.
      void this.queue.enqueue(() => this.send(replyText(id, failure.status, failure.message)));
      return;
    }
    if (message.kind === 'control') {
      // Pings keep an otherwise idle connection "healthy" for the SDK; other controls only matter
      // to the transport (the long-polling upgrade).
      if (message.command === 'p') this.send(controlText('o', {}));
      else this.options.onControl?.(message.command);
      return;
    }
    if (this.queue.size >= (this.options.maxQueuedRequests ?? 10_000)) {
      return this.protocolError('too many requests waiting', 1008);
    }
    const { id, action, body } = message;
    void this.queue.enqueue(() => handleRequest(this.scope(), id, action, body));
  }

  /**
   * The socket is gone: stop pushes, let requests already received finish, then run the
   * onDisconnect writes. Idempotent.
   *
   * @returns resolves once the onDisconnect writes have run
   */
  handleClose(): Promise<void> {
    if (this.finishedPromise) return this.finishedPromise;
    this.closed = true;
    clearTimeout(this.expiryTimer);
    this.listens.clear();
    this.finishedPromise = this.queue.enqueue(() => this.runOnDisconnect()).then(() => this.listens.clear());
    return this.finishedPromise;
  }

  /**
   * Drops the connection (e.g. a newer session of the same client announced this one as its
   * last session, or the server is shutting down).
   *
   * @param code - WebSocket close code
   * @param reason - close reason
   */
  terminate(code: number, reason: string): void {
    this.transport.close(code, reason);
  }

  /**
   * Moves the session onto another connection (long-polling upgraded to a WebSocket): every
   * later message leaves through `next`.
   *
   * @param next - the new transport
   */
  switchTransport(next: RealtimeTransport): void {
    this.transport = next;
  }

  private scope(): RequestScope {
    return {
      db: this.options.db,
      policy: this.options.policy(),
      context: () => this.context(),
      isClosed: () => this.closed,
      send: (text) => this.send(text),
      listens: this.listens,
      onDisconnect: this.onDisconnect,
      setCredential: (credential) => this.setCredential(credential),
      requireIndexes: this.options.requireIndexes ?? false,
    };
  }

  private setCredential(credential: Omit<RequestContext, 'now'>): void {
    this.credential = credential;
    clearTimeout(this.expiryTimer);
    this.expiryTimer = undefined;
    if (credential.expiresAt !== undefined) {
      const delay = Math.min(Math.max(0, credential.expiresAt - this.options.clock()), 2 ** 31 - 1);
      this.expiryTimer = setTimeout(() => {
        this.expiryTimer = undefined;
        void this.queue.enqueue(() => this.expireCredential());
      }, delay);
      this.expiryTimer.unref();
    }
    this.listens.recheck();
  }

  private expireCredential(): void {
    if (this.closed) return;
    this.credential = { admin: false, auth: null };
    // The SDK answers by reconnecting with a freshly fetched token.
    this.send(pushText('ac', { s: 'expired_token', d: 'Auth token is expired.' }));
    this.listens.recheck();
  }

  /**
   * Re-evaluates this connection's listens against the rules (after writes or a rules change).
   *
   * @param fresh - decide every listen again instead of keeping decisions that still hold (the rules changed)
   */
  recheckListens(fresh = false): void {
    if (!this.closed) this.listens.recheck(fresh);
  }

  private async runOnDisconnect(): Promise<void> {
    for (const write of this.onDisconnect.drain()) {
      try {
        await this.options.db.write(
          write.ops,
          { ...write.ctx, now: this.options.clock() },
          { policy: this.options.policy() },
        );
      } catch (error) {
        this.options.logger.warn(`onDisconnect write of session ${this.id} failed: ${String(error)}`);
      }
    }
  }

  private send(text: string): void {
    if (this.closed) return;
    this.transport.send(text);
  }

  private protocolError(reason: string, code: number): void {
    this.options.logger.info(`closing session ${this.id}: ${reason}`);
    this.send(controlText('e', reason));
    this.transport.close(code, reason.slice(0, 120));
  }
}
