import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Time control for assignment 4's tests: a relay in front of the real Auth emulator that makes ID
 * tokens short-lived, so refreshes happen in seconds instead of an hour. Everything goes to the
 * emulator; only Secure Token answers are changed:
 * - the ID token is re-issued with `iat` = now and `exp` = now + {@link ShortTokenRelay.lifetimeS}
 *   (same claims, unsigned like every emulator token) and `expires_in` says the same;
 * - the refresh token is rotated: each answer carries a new one and the one just used stops
 *   working, so a device that does not store the rotated token cannot come back after a reboot.
 * The local RTDB server refuses an ID token once its `exp` has passed (as Firebase does), so a
 * device that keeps an old token gets 401s. Production behaviour is untouched: the device and
 * the database are the real ones, only the token lifetimes are shorter.
 */
export interface ShortTokenRelay {
  /** Base URL to give the device as `authUrl` (emulator URL layout). */
  readonly url: string;
  /** Lifetime of the ID tokens it issues, in seconds. */
  lifetimeS: number;
  /** Every Secure Token exchange so far, in order. */
  refreshes(): readonly RelayedRefresh[];
  /** Every token it issued or handed out (ID and refresh), to check none shows up in a log. */
  issuedTokens(): readonly string[];
  /**
   * A hand-over for the device, as a provisioning tool would make it from the user's sign-in.
   * @param session - the user's tokens from the emulator (e.g. a fresh sign-up)
   * @param options - `refusedByServer`: the ID token's `exp` has passed (the database answers 401)
   *   while `expiresAt` says it is good for an hour; `expiresAt`: override the expiry the device is told
   */
  handoff(
    session: { idToken: string; refreshToken: string },
    options?: { refusedByServer?: boolean; expiresAt?: number },
  ): { idToken: string; refreshToken: string; expiresAt: number };
  /** Makes every refresh token it issued stop working, as revoking the user's sessions does. */
  revokeAll(): void;
  close(): Promise<void>;
}

/** One Secure Token exchange seen by the relay. */
export interface RelayedRefresh {
  /** When it arrived (ms since 1970). */
  readonly at: number;
  /** HTTP status answered. */
  readonly status: number;
  /** The `error.message` of a refused exchange, e.g. `INVALID_REFRESH_TOKEN`. */
  readonly error?: string;
  /**
   * Seconds the ID token issued with this refresh token had left at the server when the device
   * asked for a new one; negative when it had already expired. Undefined for a token the relay
   * did not issue.
   */
  readonly secondsLeft?: number;
}

interface RefreshGrant {
  readonly upstream: string;
  /** `exp` (s) of the ID token issued together with this refresh token. */
  readonly idTokenExp: number;
  used: boolean;
}

const SECURE_TOKEN_PATH = '/securetoken.googleapis.com/v1/token';

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function claimsOf(idToken: string): Record<string, unknown> {
  const payload = idToken.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The same token with new `iat`/`exp`, unsigned like the emulator's. */
function reissue(idToken: string, iat: number, exp: number): string {
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claimsOf(idToken), iat, exp })}.`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * Starts a {@link ShortTokenRelay} on 127.0.0.1 in front of `upstreamAuthUrl`.
 * @param upstreamAuthUrl - the Auth emulator's base URL
 * @param lifetimeS - initial ID token lifetime in seconds
 */
export async function startShortTokenRelay(
  upstreamAuthUrl: string,
  lifetimeS: number,
): Promise<ShortTokenRelay> {
  const upstreamBase = upstreamAuthUrl.replace(/\/$/, '');
  const grants = new Map<string, RefreshGrant>();
  const refreshes: RelayedRefresh[] = [];
  const issued: string[] = [];
  const nowS = (): number => Math.floor(Date.now() / 1000);
  const grant = (upstream: string, idTokenExp: number): string => {
    const token = `relay-rt-${randomBytes(18).toString('base64url')}`;
    grants.set(token, { upstream, idTokenExp, used: false });
    issued.push(token);
    return token;
  };

  const relaySecureToken = async (req: IncomingMessage, res: ServerResponse, body: string): Promise<void> => {
    const at = Date.now();
    const form = new URLSearchParams(body);
    const json = (req.headers['content-type'] ?? '').includes('json')
      ? (JSON.parse(body || '{}') as Record<string, unknown>)
      : undefined;
    const presented = json
      ? String(json['refresh_token'] ?? json['refreshToken'] ?? '')
      : (form.get('refresh_token') ?? '');
    const known = grants.get(presented);
    const secondsLeft = known ? known.idTokenExp - at / 1000 : undefined;
    const refuse = (): void => {
      refreshes.push({
        at,
        status: 400,
        error: 'INVALID_REFRESH_TOKEN',
        ...(secondsLeft === undefined ? {} : { secondsLeft }),
      });
      sendJson(res, 400, {
        error: { code: 400, message: 'INVALID_REFRESH_TOKEN', status: 'INVALID_ARGUMENT' },
      });
    };
    if (known?.used) return refuse();
    const upstreamBody = known
      ? json
        ? JSON.stringify({ ...json, refresh_token: known.upstream })
        : (form.set('refresh_token', known.upstream), form.toString())
      : body;
    const answer = await fetch(`${upstreamBase}${req.url ?? ''}`, {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? 'application/x-www-form-urlencoded' },
      body: upstreamBody,
    });
    const text = await answer.text();
    if (!answer.ok) {
      let error = `HTTP ${answer.status}`;
      try {
        error = String((JSON.parse(text) as { error?: { message?: string } }).error?.message ?? error);
      } catch {
        // not JSON: keep the status
      }
      refreshes.push({
        at,
        status: answer.status,
        error,
        ...(secondsLeft === undefined ? {} : { secondsLeft }),
      });
      res.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
      });
      res.end(text);
      return;
    }
    if (known) known.used = true;
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const iat = nowS();
    const exp = iat + relay.lifetimeS;
    const idToken = reissue(String(parsed['id_token']), iat, exp);
    const refreshToken = grant(String(parsed['refresh_token']), exp);
    issued.push(idToken);
    refreshes.push({ at, status: 200, ...(secondsLeft === undefined ? {} : { secondsLeft }) });
    sendJson(res, 200, {
      ...parsed,
      id_token: idToken,
      access_token: idToken,
      refresh_token: refreshToken,
      expires_in: String(relay.lifetimeS),
    });
  };

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (req.method === 'POST' && (req.url ?? '').startsWith(SECURE_TOKEN_PATH)) {
        await relaySecureToken(req, res, body);
        return;
      }
      const answer = await fetch(`${upstreamBase}${req.url ?? ''}`, {
        method: req.method ?? 'GET',
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
        ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body }),
      });
      res.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
      });
      res.end(await answer.text());
    })().catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 502, { error: { code: 502, message: `relay: ${(error as Error).message}` } });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const relay: ShortTokenRelay = {
    url: `http://127.0.0.1:${port}`,
    lifetimeS,
    refreshes: () => refreshes,
    issuedTokens: () => issued,
    handoff: (session, options = {}) => {
      const now = nowS();
      const refused = options.refusedByServer === true;
      // A refused token looks current to the device (an hour left) but its exp has passed.
      const iat = refused ? now - 7200 : now;
      const exp = refused ? now - 3600 : now + relay.lifetimeS;
      const idToken = reissue(session.idToken, iat, exp);
      issued.push(idToken, session.refreshToken);
      const expiresAt = options.expiresAt ?? (refused ? Date.now() + 3_600_000 : exp * 1000);
      return { idToken, refreshToken: grant(session.refreshToken, exp), expiresAt };
    },
    revokeAll: () => {
      for (const g of grants.values()) g.used = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return relay;
}
