import { encodeQueryString, type QueryParam } from '../core/query-params.js';
import { RtdbClientError } from '../core/rtdb-client-error.js';
import { formatPath } from '../core/rtdb-path.js';
import { fetchToken, type TokenSource } from '../core/token-source.js';
import { errorFromResponse, isRulesDenial, serverMessageOf } from './error-from-response.js';

/** How to reach one database and with which credentials. */
export interface RestConnectionOptions {
  /** `http://127.0.0.1:9000`, `https://<db>.firebaseio.com`, `https://<db>.<region>.firebasedatabase.app`. */
  databaseUrl: string;
  /** Sent as `?ns=`; needed by the local server and the emulator, harmless elsewhere. */
  namespace?: string;
  /** ID tokens, sent as `auth=`. */
  tokenSource?: TokenSource;
  /** An admin/OAuth access token (`owner` locally), sent as `Authorization: Bearer`. */
  accessToken?: string;
  /** The `fetch` to use; defaults to the global one. */
  fetch?: typeof fetch;
}

/** One HTTP exchange to make. */
export interface RestRequest {
  method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  segments: readonly string[];
  params?: readonly QueryParam[];
  headers?: Record<string, string>;
  /** Sent as JSON when defined. */
  body?: unknown;
  signal?: AbortSignal;
}

/** A successful (2xx or 304) answer with its JSON body parsed. */
export interface RestResponse {
  status: number;
  /** Parsed JSON body; `undefined` for 204/304 and other empty bodies. */
  body: unknown;
  /** The `ETag` header, when the server sent one. */
  etag: string | undefined;
}

/**
 * The HTTP layer: builds Firebase REST URLs, attaches credentials, maps failures to
 * {@link RtdbClientError}, and retries once with a refreshed ID token when the server rejects the
 * token (not when the rules deny).
 */
export class RestConnection {
  readonly origin: string;
  readonly namespace: string | undefined;
  private readonly basePath: string;
  private readonly tokenSource: TokenSource | undefined;
  private readonly accessToken: string | undefined;
  private readonly fetchImpl: typeof fetch;

  constructor(options: RestConnectionOptions) {
    let url: URL;
    try {
      url = new URL(options.databaseUrl);
    } catch (cause) {
      throw new RtdbClientError(
        'rtdb-client/invalid-argument',
        `databaseUrl is not a URL: ${options.databaseUrl}`,
        { cause },
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new RtdbClientError(
        'rtdb-client/invalid-argument',
        `databaseUrl must be http or https: ${options.databaseUrl}`,
      );
    }
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
    // A `?ns=` already in the URL (the emulator prints URLs that way) counts unless overridden.
    this.namespace = options.namespace ?? url.searchParams.get('ns') ?? undefined;
    this.tokenSource = options.tokenSource;
    this.accessToken = options.accessToken;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** True when ID tokens come from a token source, which can be asked for a fresh token. */
  get hasTokenSource(): boolean {
    return this.tokenSource !== undefined;
  }

  /** The full URL of `<path>.json` with the given parameters (credentials not included). */
  url(segments: readonly string[], params: readonly QueryParam[] = []): string {
    const path = segments.map((segment) => encodeURIComponent(segment)).join('/');
    const all: QueryParam[] = [...params];
    if (this.namespace !== undefined) all.push(['ns', this.namespace]);
    const query = encodeQueryString(all);
    return `${this.origin}${this.basePath}/${path}.json${query ? '?' + query : ''}`;
  }

  /**
   * Sends a request and returns the raw `Response` once its status is known to be acceptable
   * (2xx or 304). Streams use this to read the body incrementally.
   */
  async open(
    request: RestRequest,
    options: { accept?: string; forceRefresh?: boolean } = {},
  ): Promise<Response> {
    const accept = options.accept ?? 'application/json';
    let response = await this.send(request, accept, options.forceRefresh ?? false);
    if (response.status === 401 && this.tokenSource && !options.forceRefresh) {
      const text = await response.text();
      if (isRulesDenial(401, serverMessageOf(text))) throw this.fail(request, response, text);
      // The token may have expired between minting and use: retry once with a fresh one.
      response = await this.send(request, accept, true);
    }
    if ((response.status >= 200 && response.status < 300) || response.status === 304) return response;
    throw this.fail(request, response, await response.text());
  }

  /** Sends a request and parses the JSON answer. */
  async request(request: RestRequest): Promise<RestResponse> {
    const response = await this.open(request);
    const text = await readText(response, request);
    const etag = response.headers.get('etag') ?? undefined;
    if (text.length === 0) return { status: response.status, body: undefined, etag };
    try {
      return { status: response.status, body: JSON.parse(text) as unknown, etag };
    } catch (cause) {
      throw new RtdbClientError(
        'rtdb-client/invalid-response',
        `${request.method} ${formatPath(request.segments)}: the answer is not JSON: ${text.slice(0, 200)}`,
        { status: response.status, cause },
      );
    }
  }

  private fail(request: RestRequest, response: Response, text: string): RtdbClientError {
    return errorFromResponse(
      request.method,
      formatPath(request.segments),
      response.status,
      text,
      response.headers.get('etag') ?? undefined,
    );
  }

  private async send(request: RestRequest, accept: string, forceRefresh: boolean): Promise<Response> {
    const params: QueryParam[] = [...(request.params ?? [])];
    if (this.tokenSource) {
      let token: string;
      try {
        token = await fetchToken(this.tokenSource, forceRefresh);
      } catch (cause) {
        throw new RtdbClientError('rtdb-client/token-source', `the token source failed: ${String(cause)}`, {
          cause,
        });
      }
      params.push(['auth', token]);
    }
    const headers: Record<string, string> = { accept, ...request.headers };
    if (this.accessToken !== undefined) headers['authorization'] = `Bearer ${this.accessToken}`;
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    try {
      return await this.fetchImpl(this.url(request.segments, params), {
        method: request.method,
        headers,
        ...(body === undefined ? {} : { body }),
        ...(request.signal ? { signal: request.signal } : {}),
      });
    } catch (cause) {
      throw networkError(request, cause);
    }
  }
}

async function readText(response: Response, request: RestRequest): Promise<string> {
  try {
    return await response.text();
  } catch (cause) {
    throw networkError(request, cause);
  }
}

function networkError(request: RestRequest, cause: unknown): RtdbClientError {
  const detail =
    cause instanceof Error
      ? cause.cause instanceof Error
        ? cause.cause.message
        : cause.message
      : String(cause);
  return new RtdbClientError(
    'rtdb-client/network',
    `${request.method} ${formatPath(request.segments)}: no answer (${detail})`,
    { cause },
  );
}
