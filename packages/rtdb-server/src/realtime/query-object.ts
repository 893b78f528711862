import { parsePath } from '../core/path.js';
import { RtdbError } from '../core/rtdb-error.js';
import type { QuerySpec } from '../core/query-spec.js';
import { isPlainObject } from './client-message.js';

type Bound = NonNullable<QuerySpec['start']>;

/**
 * Converts the SDK's wire query object (`sp sn sin ep en ein l vf i`, see the SDK's
 * `queryParamsGetQueryObject`) into the server's {@link QuerySpec}.
 *
 * @param query - the `q` member of a listen, unlisten or get request (absent = default query)
 * @returns the query; `{ index: { kind: 'priority' } }` for an absent or empty object
 * @throws RtdbError `rtdb/invalid-query` for a malformed object
 */
export function queryObjectToSpec(query: unknown): QuerySpec {
  if (query === undefined || query === null) return { index: { kind: 'priority' } };
  if (!isPlainObject(query)) throw invalid('query must be an object');
  const spec: QuerySpec = { index: indexOf(query['i']) };
  const isKeyIndex = spec.index.kind === 'key';
  if ('sp' in query) spec.start = boundOf(query, 'sp', 'sn', 'sin', isKeyIndex);
  else if ('sn' in query || 'sin' in query) throw invalid('sn/sin without sp');
  if ('ep' in query) spec.end = boundOf(query, 'ep', 'en', 'ein', isKeyIndex);
  else if ('en' in query || 'ein' in query) throw invalid('en/ein without ep');
  if ('l' in query) {
    const count = query['l'];
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count <= 0) {
      throw invalid('l must be a positive integer');
    }
    const from = query['vf'];
    // The SDK always sends vf with l; without it, the anchor follows the SDK's isViewFromLeft rule.
    const anchor =
      from === undefined
        ? spec.start
          ? 'first'
          : 'last'
        : from === 'l'
          ? 'first'
          : from === 'r'
            ? 'last'
            : null;
    if (anchor === null) throw invalid('vf must be "l" or "r"');
    spec.limit = { count, from: anchor };
  } else if ('vf' in query) {
    throw invalid('vf without l');
  }
  return spec;
}

function indexOf(raw: unknown): QuerySpec['index'] {
  if (raw === undefined || raw === '.priority') return { kind: 'priority' };
  if (raw === '.key') return { kind: 'key' };
  if (raw === '.value') return { kind: 'value' };
  if (typeof raw !== 'string') throw invalid('i must be a string');
  let path;
  try {
    path = parsePath(raw);
  } catch {
    throw invalid(`index path "${raw.slice(0, 80)}" is not a valid path`);
  }
  if (path.length === 0) throw invalid('index path must not be empty');
  return { kind: 'child', path };
}

function boundOf(
  query: Record<string, unknown>,
  valueKey: 'sp' | 'ep',
  nameKey: 'sn' | 'en',
  inclusiveKey: 'sin' | 'ein',
  isKeyIndex: boolean,
): Bound {
  const value = query[valueKey];
  if (!isPrimitive(value)) throw invalid(`${valueKey} must be null, a boolean, a number or a string`);
  if (isKeyIndex && typeof value !== 'string')
    throw invalid(`${valueKey} must be a string with the .key index`);
  const inclusive = query[inclusiveKey];
  if (inclusive !== undefined && typeof inclusive !== 'boolean')
    throw invalid(`${inclusiveKey} must be a boolean`);
  const bound: Bound = { value, inclusive: inclusive ?? true };
  if (nameKey in query) {
    const name = query[nameKey];
    if (typeof name !== 'string') throw invalid(`${nameKey} must be a string`);
    bound.key = name;
  }
  return bound;
}

function isPrimitive(value: unknown): value is Bound['value'] {
  return (
    value === null ||
    typeof value === 'boolean' ||
    typeof value === 'string' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function invalid(reason: string): RtdbError {
  return new RtdbError('rtdb/invalid-query', `Invalid query: ${reason}`);
}

/**
 * The identity of a query object as the SDK computes it (`ObjectToUniqueKey`: JSON with sorted
 * keys), `"default"` for an absent or empty object. Used to match an unlisten to its listen.
 *
 * @param query - the wire query object
 * @returns the canonical key
 */
export function queryObjectKey(query: unknown): string {
  if (query === undefined || query === null) return 'default';
  const key = canonicalJson(query);
  return key === '{}' ? 'default' : key;
}

function canonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `{${value.map((v, i) => `${JSON.stringify(String(i))}:${canonicalJson(v)}`).join(',')}}`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}
