import type { IncomingMessage } from 'node:http';
import { resolveCredential } from '../core/credentials.js';
import type { RequestContext } from '../core/request-context.js';

/**
 * The request's credential: `auth=`, else `access_token=`, else `Authorization: Bearer`, with
 * `auth_variable_override=` applied on top.
 */
export function requestContextOf(req: IncomingMessage, params: URLSearchParams, now: number): RequestContext {
  const header = req.headers.authorization;
  const bearer = header && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : undefined;
  const token = params.get('auth') ?? params.get('access_token') ?? bearer;
  const override = params.get('auth_variable_override');
  return resolveCredential(
    token ?? undefined,
    override === null ? { now } : { now, authVariableOverride: override },
  );
}
