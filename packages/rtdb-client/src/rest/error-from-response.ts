import { RtdbClientError, type RtdbClientErrorCode } from '../core/rtdb-client-error.js';

/** The `error` field of a Firebase error body, or the raw text when it is not that JSON shape. */
export function serverMessageOf(bodyText: string): string {
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as { error?: unknown }).error === 'string'
    ) {
      return (parsed as { error: string }).error;
    }
  } catch {
    // Not JSON: fall through to the raw text (proxies and load balancers answer with HTML).
  }
  return bodyText.trim().slice(0, 500);
}

/** True when a 401 means "the rules said no" rather than "the credential is bad". */
export function isRulesDenial(status: number, serverMessage: string): boolean {
  return status === 403 || (status === 401 && /permission denied/i.test(serverMessage));
}

function codeFor(status: number, serverMessage: string): RtdbClientErrorCode {
  if (isRulesDenial(status, serverMessage)) return 'rtdb-client/permission-denied';
  if (status === 400) return 'rtdb-client/invalid-request';
  if (status === 401) return 'rtdb-client/unauthenticated';
  if (status === 404) return 'rtdb-client/not-found';
  if (status === 412) return 'rtdb-client/precondition-failed';
  if (status >= 500) return 'rtdb-client/server-error';
  return 'rtdb-client/unexpected-status';
}

/** Maps a non-2xx answer to the matching {@link RtdbClientError}. */
export function errorFromResponse(
  method: string,
  path: string,
  status: number,
  bodyText: string,
  etag?: string,
): RtdbClientError {
  const serverMessage = serverMessageOf(bodyText);
  const code = codeFor(status, serverMessage);
  let currentValue: unknown;
  if (code === 'rtdb-client/precondition-failed') {
    try {
      currentValue = JSON.parse(bodyText);
    } catch {
      currentValue = undefined;
    }
  }
  return new RtdbClientError(
    code,
    `${method} ${path} failed with ${status}: ${serverMessage || '(empty body)'}`,
    {
      status,
      serverMessage,
      currentValue,
      ...(etag === undefined ? {} : { etag }),
    },
  );
}
