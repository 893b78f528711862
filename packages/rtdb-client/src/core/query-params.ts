import { effectiveIndex, isDefaultQuery, type QueryBound, type QuerySpec } from './query-spec.js';

/** A REST query parameter, value not yet percent-encoded. */
export type QueryParam = readonly [name: string, value: string];

function boundParam(bound: { value: unknown; key?: string }): string {
  // `value,"key"` is the REST form of a bound narrowed by key (as the JS SDK's REST client sends it).
  return JSON.stringify(bound.value) + (bound.key === undefined ? '' : ',' + JSON.stringify(bound.key));
}

function startParam(bound: QueryBound): QueryParam {
  return [bound.exclusive ? 'startAfter' : 'startAt', boundParam(bound)];
}

function endParam(bound: QueryBound): QueryParam {
  return [bound.exclusive ? 'endBefore' : 'endAt', boundParam(bound)];
}

/**
 * The REST parameters for a query: `orderBy` is always present when anything else is (REST
 * requires it), and every value is JSON-encoded (strings quoted). Percent-encoding is the URL
 * builder's job.
 */
export function queryParams(spec: QuerySpec): QueryParam[] {
  if (isDefaultQuery(spec)) return [];
  const index = effectiveIndex(spec);
  const orderBy = index.kind === 'child' ? index.path : `$${index.kind}`;
  const params: QueryParam[] = [['orderBy', JSON.stringify(orderBy)]];
  if (spec.equal) {
    if (spec.equal.key === undefined) {
      params.push(['equalTo', boundParam(spec.equal)]);
    } else {
      // equalTo with a key is one exact child: the inclusive range from it to itself.
      params.push(
        startParam({ ...spec.equal, exclusive: false }),
        endParam({ ...spec.equal, exclusive: false }),
      );
    }
  }
  if (spec.start) params.push(startParam(spec.start));
  if (spec.end) params.push(endParam(spec.end));
  if (spec.limit)
    params.push([spec.limit.from === 'first' ? 'limitToFirst' : 'limitToLast', String(spec.limit.count)]);
  return params;
}

/** Serialises parameters with `encodeURIComponent` (`%20`, never `+`, so every server agrees). */
export function encodeQueryString(params: readonly QueryParam[]): string {
  return params.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
}
