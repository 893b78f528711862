import type { WebSocket } from 'ws';
import type { Logger } from '../../core/logger.js';
import { isPlainObject } from '../client-message.js';
import { DEFAULT_DECODER_LIMITS, FrameDecoder, type FrameDecoderLimits } from '../frame-codec.js';
import type { RealtimeTransport } from '../realtime-session.js';
import { controlText } from '../server-message.js';
import type { SessionHandle } from './long-poll-endpoint.js';

/** Most data messages a client may send on the new socket before the switch completes. */
const MAX_BUFFERED_MESSAGES = 10_000;

/**
 * A WebSocket opened by a long-polling browser to take over its session (`/.ws?s=<session>`).
 *
 * The SDK's sequence: it pings on the new socket until two answers make it "healthy", then sends
 * the switch ack `a` on the socket and the end of transmission `n` on the long-poll side, and
 * from then on sends only on the socket. The server starts it off with its own `a`, answers the
 * pings, keeps data that arrives on the socket early, and when the `n` arrives on the long-poll
 * side ({@link TransportUpgrade.complete}) moves the session onto the socket.
 */
export class TransportUpgrade {
  private readonly decoder: FrameDecoder;
  private early: string[] = [];
  private state: 'pending' | 'active' | 'abandoned' = 'pending';

  /**
   * @param ws - the new socket
   * @param handle - the session it asks to carry
   * @param transport - the socket as a session transport (framing, back-pressure)
   * @param logger - diagnostics
   * @param limits - bounds on client framing
   */
  constructor(
    private readonly ws: WebSocket,
    private readonly handle: SessionHandle,
    private readonly transport: RealtimeTransport,
    private readonly logger: Logger,
    limits: FrameDecoderLimits = DEFAULT_DECODER_LIMITS,
  ) {
    this.decoder = new FrameDecoder(limits);
    ws.on('message', (data, isBinary) =>
      this.receive(isBinary ? Buffer.from(data as Buffer).toString('utf8') : String(data)),
    );
    ws.on('close', () => {
      if (this.state === 'active') handle.end();
      this.state = 'abandoned';
    });
    // Nothing else makes the SDK start its health pings on the new socket.
    transport.send(controlText('a', {}));
  }

  /** True while the socket waits to take over and is still open. */
  get open(): boolean {
    return this.state === 'pending' && this.ws.readyState === this.ws.OPEN;
  }

  /** Moves the session onto the socket and hands it the data that arrived early. */
  complete(): void {
    if (this.state !== 'pending') return;
    this.state = 'active';
    this.handle.session.switchTransport(this.transport);
    const early = this.early;
    this.early = [];
    for (const text of early) this.handle.session.receiveMessage(text);
  }

  /** Gives up on the socket (a newer one replaced it, or the session ended). */
  abandon(): void {
    if (this.state !== 'pending') return;
    this.state = 'abandoned';
    this.transport.close(1000, 'upgrade abandoned');
  }

  private receive(frame: string): void {
    if (this.state === 'abandoned') return;
    const decoded = this.decoder.push(frame);
    if (decoded.kind === 'error') {
      this.logger.info(`closing upgraded socket of session ${this.handle.session.id}: ${decoded.reason}`);
      this.transport.close(1009, decoded.reason.slice(0, 120));
      return;
    }
    if (decoded.kind !== 'message') return;
    if (this.state === 'active') {
      this.handle.session.receiveMessage(decoded.text);
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(decoded.text);
    } catch {
      this.abandon();
      return;
    }
    if (!isPlainObject(message)) return this.abandon();
    if (message['t'] === 'c') {
      const control = message['d'];
      if (isPlainObject(control) && control['t'] === 'p') this.transport.send(controlText('o', {}));
      return;
    }
    if (this.early.length >= MAX_BUFFERED_MESSAGES) return this.abandon();
    this.early.push(decoded.text);
  }
}
