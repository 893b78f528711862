import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { RtdbError } from '../core/rtdb-error.js';
import { sendError } from '../rest/http-reply.js';
import { requestContextOf } from '../rest/request-credential.js';

/** Answers one HTTP request. */
export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

/** Takes one HTTP upgrade request (the socket is the handler's from then on). */
export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** A request route answered instead of the REST data API. */
export interface HttpRoute {
  /** An exact path (`/.lp`) or, ending in `/`, a path prefix (`/.inspect/`). */
  path: string;
  /**
   * An admin endpoint: once the server is exposed beyond loopback it answers only requests
   * carrying the owner credential (on loopback it is open, as in the emulator).
   */
  admin: boolean;
  /** Answers the request. */
  handle: RequestHandler;
}

/** Construction options of {@link HttpRouter}. */
export interface HttpRouterOptions {
  /** Where every request no route claims goes: the REST data API. */
  fallback: RequestHandler;
  /** Whether the server is reachable beyond this machine (admin routes then need the owner). */
  exposed: boolean;
  /** Server clock in ms (credential expiry). */
  clock: () => number;
}

/**
 * The one place that decides which subsystem answers an HTTP request or upgrade of the server's
 * port: the realtime transports (`/.ws`, `/.lp`), the admin endpoints (`/.settings/`,
 * `/.inspect/`) and anything added with {@link HttpRouter.route}; the REST data API for the rest.
 * Attach {@link HttpRouter.onRequest} and {@link HttpRouter.onUpgrade} to the HTTP server.
 */
export class HttpRouter {
  private readonly exact = new Map<string, HttpRoute>();
  private readonly prefixes: HttpRoute[] = [];
  private readonly upgrades = new Map<string, UpgradeHandler>();

  /** @param options - fallback handler, exposure and clock */
  constructor(private readonly options: HttpRouterOptions) {}

  /** Whether admin routes require the owner credential. */
  get exposed(): boolean {
    return this.options.exposed;
  }

  /**
   * Adds a route; routes are matched by exact path first, then by the longest prefix.
   *
   * @param route - the path, whether it is an admin endpoint, and its handler
   * @returns the remover of the route
   */
  route(route: HttpRoute): () => void {
    if (route.path.endsWith('/')) {
      this.prefixes.push(route);
      this.prefixes.sort((a, b) => b.path.length - a.path.length);
      return () => {
        const at = this.prefixes.indexOf(route);
        if (at >= 0) this.prefixes.splice(at, 1);
      };
    }
    this.exact.set(route.path, route);
    return () => {
      if (this.exact.get(route.path) === route) this.exact.delete(route.path);
    };
  }

  /**
   * Hands HTTP upgrades of `path` (exact) to `handler`; other upgrades are refused with a 404.
   *
   * @returns the remover
   */
  upgrade(path: string, handler: UpgradeHandler): () => void {
    this.upgrades.set(path, handler);
    return () => {
      if (this.upgrades.get(path) === handler) this.upgrades.delete(path);
    };
  }

  /** The HTTP server's `request` listener. */
  readonly onRequest = (request: IncomingMessage, response: ServerResponse): void => {
    const route = this.find(pathnameOf(request.url));
    if (!route) {
      this.options.fallback(request, response);
      return;
    }
    if (route.admin && this.options.exposed && !this.isOwner(request)) {
      sendError(
        request,
        response,
        new RtdbError(
          'rtdb/permission-denied',
          'Permission denied: the server is exposed on the network, so its admin endpoints (/.settings, /.inspect) need the owner credential',
        ),
      );
      return;
    }
    route.handle(request, response);
  };

  /** The HTTP server's `upgrade` listener. */
  readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const handler = this.upgrades.get(pathnameOf(request.url));
    if (handler) {
      handler(request, socket, head);
      return;
    }
    const body = JSON.stringify({ error: 'Not found: WebSocket connections go to /.ws' });
    socket.end(
      `HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  };

  private find(pathname: string): HttpRoute | undefined {
    // Data paths never start with `/.`: the common case costs one character comparison.
    if (pathname.charCodeAt(1) !== 46 /* . */) return undefined;
    const exact = this.exact.get(pathname);
    if (exact) return exact;
    for (const route of this.prefixes) if (pathname.startsWith(route.path)) return route;
    return undefined;
  }

  private isOwner(request: IncomingMessage): boolean {
    try {
      const query = request.url?.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      return requestContextOf(request, new URLSearchParams(query), this.options.clock()).admin;
    } catch {
      return false;
    }
  }
}

function pathnameOf(url: string | undefined): string {
  if (url === undefined) return '/';
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}
