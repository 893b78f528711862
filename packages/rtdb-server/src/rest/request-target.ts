import { RtdbError } from '../core/rtdb-error.js';

/** The path and query of a request URL, as the REST layer reads them. */
export interface RequestTarget {
  /** The path, still percent-encoded (`/devices/d%201.json`). */
  readonly pathname: string;
  /** The query parameters, decoded. */
  readonly searchParams: URLSearchParams;
}

/**
 * Splits a request's URL into path and query. A data URL whose only dot is its `.json` suffix
 * needs none of the WHATWG parser's rewriting (dot segments, backslashes, fragments, a leading
 * `//`), so it is split at the `?` directly; anything else goes through `URL`, which gives the
 * same answer for those simple URLs at several times the cost per request.
 *
 * @param raw - `IncomingMessage.url`
 * @returns path and query
 * @throws RtdbError `rtdb/invalid-path` when the URL cannot be parsed at all
 */
export function requestTargetOf(raw: string): RequestTarget {
  const query = raw.indexOf('?');
  const pathname = query < 0 ? raw : raw.slice(0, query);
  if (isPlainDataPath(pathname) && !raw.includes('#')) {
    return { pathname, searchParams: new URLSearchParams(query < 0 ? '' : raw.slice(query + 1)) };
  }
  try {
    const url = new URL(raw, 'http://localhost');
    return { pathname: url.pathname, searchParams: url.searchParams };
  } catch {
    throw new RtdbError('rtdb/invalid-path', 'Invalid path: the URL cannot be parsed');
  }
}

// `/a/b.json`: starts with one slash, has no backslash, no dot but the suffix's, no encoded dot.
function isPlainDataPath(pathname: string): boolean {
  return (
    pathname.charCodeAt(0) === 47 /* / */ &&
    pathname.charCodeAt(1) !== 47 &&
    pathname.endsWith('.json') &&
    pathname.indexOf('.') === pathname.length - 5 &&
    !pathname.includes('\\') &&
    !/%2e/i.test(pathname)
  );
}
