/** The HTTP exchange a device reports (the `http` event of a virtual device's event stream). */
export interface HttpExchange {
  /** `GET`, `PUT`, `POST`, `PATCH` or `DELETE`. */
  readonly method: string;
  /** Full URL; the device redacts `auth=`. */
  readonly url: string;
  /** HTTP status; 0 when no answer came. */
  readonly status: number;
  /** Duration in ms, when known. */
  readonly ms?: number;
  /** Transport failure, e.g. `connect-failed`. */
  readonly error?: string;
}

/** How an operation ended, in the words the log shows. */
export type OperationOutcome = 'ok' | 'denied' | 'not-found' | 'network' | 'error';

/** One line of the operation log. */
export interface OperationEntry {
  /** Running number within a feed (starts at 1), so a page can tell entries apart. */
  readonly seq: number;
  /** `rtdb` for database requests, `auth` for sign-in and token refresh. */
  readonly kind: 'rtdb' | 'auth';
  /** HTTP method. */
  readonly method: string;
  /** Database path (`/devices/u1/config`), or the Auth endpoint (`accounts:signInWithPassword`, `token`). */
  readonly path: string;
  /** Query parameters worth showing (`orderBy="$key"&limitToLast=3`), without `ns` and `auth`. */
  readonly query: string;
  /** HTTP status (0 = no answer). */
  readonly status: number;
  /** The status in words. */
  readonly outcome: OperationOutcome;
  /** Transport failure text, when there was one. */
  readonly error?: string;
}

const HIDDEN_PARAMS = new Set(['ns', 'auth', 'access_token', 'key']);

/**
 * Turns a device's HTTP exchange into an operation-log entry: the database path without `.json`,
 * the query without credentials, and the status in words (401/403 = denied: the RTDB answers a
 * rules refusal and an expired token with 401). Returns `null` for URLs that are neither the
 * database nor Auth (nothing to show).
 * @param exchange - the `http` event
 * @param seq - its running number
 */
export function operationEntry(exchange: HttpExchange, seq: number): OperationEntry | null {
  let url: URL;
  try {
    url = new URL(exchange.url);
  } catch {
    return null;
  }
  const outcome = outcomeOf(exchange.status);
  const base = {
    seq,
    method: exchange.method.toUpperCase(),
    status: exchange.status,
    outcome,
    ...(exchange.error ? { error: exchange.error } : {}),
  };
  const authEndpoint = /\/v1\/(accounts:[A-Za-z]+|token)$/.exec(url.pathname);
  if (authEndpoint) return { ...base, kind: 'auth', path: authEndpoint[1] as string, query: '' };
  if (!url.pathname.endsWith('.json')) return null;
  const path = decodeURIComponent(url.pathname.slice(0, -'.json'.length)) || '/';
  const shown = [...url.searchParams.entries()]
    .filter(([name]) => !HIDDEN_PARAMS.has(name))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return { ...base, kind: 'rtdb', path, query: shown };
}

function outcomeOf(status: number): OperationOutcome {
  if (status === 0) return 'network';
  if (status >= 200 && status < 300) return 'ok';
  if (status === 401 || status === 403) return 'denied';
  if (status === 404) return 'not-found';
  return 'error';
}
