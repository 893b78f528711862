import type { ServerResponse } from 'node:http';
import type { Logger } from '../../core/logger.js';
import type { RealtimeTransport } from '../realtime-session.js';
import { closeScript, dataScript, startScript } from './long-poll-script.js';

/** Timing and bounds of one long-poll connection. */
export interface LongPollConnectionOptions {
  /** Connection id the browser sends with every poll. */
  id: string;
  /** Connection password the browser sends with every poll. */
  password: string;
  /** How long a poll is held open without news before it is answered empty (the SDK re-polls after 25 s). */
  holdMs: number;
  /** Outgoing characters a client may leave unfetched before it is disconnected. */
  maxBufferedChars: number;
  /** The connection ended (not called when it ends by upgrading to a WebSocket). */
  onClosed: () => void;
  /** Diagnostics. */
  logger: Logger;
}

interface HeldPoll {
  res: ServerResponse;
  timer: NodeJS.Timeout;
}

const SCRIPT_HEADERS = {
  'Content-Type': 'application/javascript; charset=utf-8',
  'Cache-Control': 'no-cache, no-store, must-revalidate',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * The long-polling side of one browser connection, as a {@link RealtimeTransport}: messages the
 * session sends wait in an outbox until the browser has a poll open, then leave as one numbered
 * JSONP response. At most the newest poll is held; an older one is answered as soon as a newer
 * arrives, which is what the SDK expects.
 */
export class LongPollConnection implements RealtimeTransport {
  private outbox: string[] = [];
  private outboxChars = 0;
  private held: HeldPoll[] = [];
  private nextSeq = 1;
  private flushScheduled = false;
  private closedState: 'open' | 'closed' | 'upgraded' = 'open';
  private finalScript = '';

  /** @param options - identity, timing, bounds and the close callback */
  constructor(private readonly options: LongPollConnectionOptions) {}

  /** Connection id. */
  get id(): string {
    return this.options.id;
  }

  /** True once the connection ended, by closing or by upgrading. */
  get ended(): boolean {
    return this.closedState !== 'open';
  }

  /**
   * Checks a request's password.
   *
   * @param password - the `pw` parameter
   * @returns whether it is this connection's
   */
  accepts(password: string): boolean {
    return password === this.options.password;
  }

  /** {@inheritDoc RealtimeTransport.send} */
  send(message: string): void {
    if (this.ended) return;
    this.outbox.push(message);
    this.outboxChars += message.length;
    if (this.outboxChars > this.options.maxBufferedChars) {
      this.options.logger.warn(
        `disconnecting ${this.id}, which left ${this.outboxChars} characters unfetched`,
      );
      this.close(1008, 'client stopped polling');
      return;
    }
    this.scheduleFlush();
  }

  /**
   * Ends the connection: the browser gets what is still waiting, then the close command, so it
   * reconnects. Idempotent.
   */
  close(_code: number, _reason: string): void {
    if (this.ended) return;
    this.closedState = 'closed';
    this.finish(closeScript());
    this.options.onClosed();
  }

  /**
   * Ends the long-poll side after the session moved to a WebSocket: `endMessage` (the `n`
   * control) is the last message, after which the browser reads from the socket.
   *
   * @param endMessage - the end-of-transmission message text
   */
  endForUpgrade(endMessage: string): void {
    if (this.ended) return;
    this.outbox.push(endMessage);
    this.closedState = 'upgraded';
    this.finish('');
  }

  /**
   * Answers the `start=t` request: callbacks, credentials and response 0 (what the session has
   * sent so far, i.e. the hello).
   *
   * @param res - the start request's response
   * @param callbackId - the `cb` parameter
   */
  answerStart(res: ServerResponse, callbackId: string): void {
    const messages = this.takeOutbox();
    reply(res, startScript(callbackId, this.options.id, this.options.password, messages));
  }

  /**
   * Takes a poll: older polls are answered, this one is held until there is something to send
   * or `holdMs` passes.
   *
   * @param res - the poll's response
   */
  hold(res: ServerResponse): void {
    if (this.ended) {
      reply(res, this.finalScript || closeScript());
      return;
    }
    for (const old of this.held.splice(0)) {
      clearTimeout(old.timer);
      this.answer(old.res);
    }
    const poll: HeldPoll = {
      res,
      timer: setTimeout(() => {
        this.release(poll);
        this.answer(res);
      }, this.options.holdMs),
    };
    poll.timer.unref();
    // A poll the browser gave up on (iframe removed, page closed) must not swallow messages.
    res.once('close', () => {
      clearTimeout(poll.timer);
      this.release(poll);
    });
    this.held.push(poll);
    if (this.outbox.length > 0) this.scheduleFlush();
  }

  private release(poll: HeldPoll): void {
    const at = this.held.indexOf(poll);
    if (at >= 0) this.held.splice(at, 1);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.held.length === 0) return;
    this.flushScheduled = true;
    // Messages sent in the same turn (a write's pushes and its ack) leave in one response.
    setImmediate(() => {
      this.flushScheduled = false;
      if (this.outbox.length === 0) return;
      const poll = this.held.shift();
      if (!poll) return;
      clearTimeout(poll.timer);
      this.answer(poll.res);
    });
  }

  /** Answers one poll with the outbox (numbered), or empty when there is nothing to send. */
  private answer(res: ServerResponse): void {
    const messages = this.takeOutbox();
    reply(res, messages.length > 0 ? dataScript(this.nextSeq++, messages) : '');
  }

  private takeOutbox(): string[] {
    const messages = this.outbox;
    this.outbox = [];
    this.outboxChars = 0;
    return messages;
  }

  /** Sends the last data and `tail` to every held poll; later polls get the same ending. */
  private finish(tail: string): void {
    const messages = this.takeOutbox();
    const data = messages.length > 0 ? dataScript(this.nextSeq++, messages) : '';
    // The browser stops polling once it has processed every response up to the last one.
    const ending = tail === '' ? closeScript(this.nextSeq - 1) : tail;
    this.finalScript = closeScript(this.nextSeq - 1);
    const polls = this.held.splice(0);
    polls.forEach((poll, index) => {
      clearTimeout(poll.timer);
      reply(poll.res, index === 0 ? data + ending : this.finalScript);
    });
    // No poll open: the data waits for the next one.
    if (polls.length === 0 && data !== '') this.finalScript = data + ending;
  }
}

function reply(res: ServerResponse, body: string): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(200, { ...SCRIPT_HEADERS, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
