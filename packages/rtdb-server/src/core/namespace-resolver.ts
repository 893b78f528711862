import { isIP } from 'node:net';
import { RtdbError } from '../core/rtdb-error.js';

/** The namespace used when neither `?ns=` nor the Host header name one (project demo-iotkit). */
export const DEFAULT_NAMESPACE = 'demo-iotkit-default-rtdb';

const VALID_NAMESPACE = /^[a-z0-9][a-z0-9-]{0,62}$/i;

/**
 * Which database a request addresses: `?ns=` wins; else the first label of a Host with at least
 * three labels (`mydb.firebaseio.com`, not IP addresses); else `fallback`.
 */
export function resolveNamespace(
  nsParam: string | null,
  hostHeader: string | undefined,
  fallback: string,
): string {
  if (nsParam !== null) {
    if (!VALID_NAMESPACE.test(nsParam)) {
      throw new RtdbError(
        'rtdb/invalid-query',
        `Invalid namespace "${nsParam.slice(0, 80)}": use letters, digits and dashes`,
      );
    }
    return nsParam;
  }
  const host = hostNameOf(hostHeader);
  if (host && !isIP(host)) {
    const labels = host.split('.');
    if (labels.length >= 3 && VALID_NAMESPACE.test(labels[0]!)) return labels[0]!.toLowerCase();
  }
  return fallback;
}

/** True when `name` is acceptable as a namespace. */
export function isValidNamespace(name: string): boolean {
  return VALID_NAMESPACE.test(name);
}

function hostNameOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  if (header.startsWith('[')) return header.slice(1, header.indexOf(']'));
  const colon = header.lastIndexOf(':');
  return colon > 0 ? header.slice(0, colon) : header;
}
