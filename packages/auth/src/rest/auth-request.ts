import { AuthError } from '../core/auth-error.js';
import { authErrorFromResponse } from '../core/firebase-error.js';

/** The `fetch` function the client calls; the global one by default. */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/**
 * POSTs a body and returns the parsed JSON answer, or throws the matching {@link AuthError}.
 *
 * `form` sends `application/x-www-form-urlencoded`, which Secure Token documents for `token`.
 */
export async function authRequest(
  fetchFn: FetchFunction,
  url: string,
  body: Record<string, string | boolean>,
  form = false,
): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
      body: form
        ? new URLSearchParams(
            Object.entries(body).map(([k, v]): [string, string] => [k, String(v)]),
          ).toString()
        : JSON.stringify(body),
    });
  } catch (cause) {
    throw new AuthError('auth/network-error', `could not reach ${new URL(url).origin}: ${String(cause)}`, {
      cause,
    });
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? {} : JSON.parse(text);
  } catch (cause) {
    throw new AuthError(
      'auth/unexpected-response',
      `expected JSON from ${new URL(url).pathname}, got HTTP ${response.status}: ${text.slice(0, 120)}`,
      { status: response.status, cause },
    );
  }
  if (!response.ok) throw authErrorFromResponse(response.status, parsed);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AuthError('auth/unexpected-response', `expected a JSON object from ${new URL(url).pathname}`, {
      status: response.status,
    });
  }
  return parsed as Record<string, unknown>;
}
