import { parsePath } from '../core/path.js';
import type { JsonPrimitive, QueryBound, QueryIndex, QuerySpec } from '../core/query-spec.js';
import { RtdbError } from '../core/rtdb-error.js';

/** Everything the URL's query string asks for, validated. */
export interface RestOptions {
  /** The filter, when any ordering/range/limit parameter is present. */
  query: QuerySpec | undefined;
  /** `print=pretty` / `print=silent`. */
  print: 'pretty' | 'silent' | undefined;
  /** `shallow=true`. */
  shallow: boolean;
  /** `format=export`. */
  exportFormat: boolean;
  /** JSONP `callback=` function name (GET only). */
  callback: string | undefined;
  /** `download=` file name (GET only). */
  download: string | undefined;
  /** `timeout=` in ms, when given. */
  timeoutMs: number | undefined;
  /** `writeSizeLimit=`, when given. */
  writeSizeLimit: string | undefined;
}

const RANGE_PARAMS = [
  'startAt',
  'startAfter',
  'endAt',
  'endBefore',
  'equalTo',
  'limitToFirst',
  'limitToLast',
] as const;
const WRITE_SIZE_LIMITS = new Set(['tiny', 'small', 'medium', 'large', 'unlimited']);
// Every parameter this parser reads; a URL naming none of them gets the defaults.
const OPTION_PARAMS = new Set<string>([
  'print',
  'format',
  'shallow',
  'callback',
  'timeout',
  'writeSizeLimit',
  'download',
  'orderBy',
  ...RANGE_PARAMS,
]);
const DEFAULT_OPTIONS: Readonly<RestOptions> = Object.freeze({
  query: undefined,
  print: undefined,
  shallow: false,
  exportFormat: false,
  callback: undefined,
  download: undefined,
  timeoutMs: undefined,
  writeSizeLimit: undefined,
});
const MAX_TIMEOUT_MS = 15 * 60 * 1000;

function bad(message: string): never {
  throw new RtdbError('rtdb/invalid-query', message);
}

/** Parses and validates the REST query string (everything except credentials and `ns`). */
export function parseRestOptions(params: URLSearchParams): RestOptions {
  // Most requests carry only `ns` and a credential: no parsing, one shared answer.
  let named = false;
  for (const key of params.keys()) {
    if (OPTION_PARAMS.has(key)) {
      named = true;
      break;
    }
  }
  if (!named) return DEFAULT_OPTIONS;
  const print = params.get('print');
  if (print !== null && print !== 'pretty' && print !== 'silent')
    bad(`print must be "pretty" or "silent", not "${clip(print)}"`);
  const format = params.get('format');
  if (format !== null && format !== 'export') bad(`format must be "export", not "${clip(format)}"`);
  const shallowText = params.get('shallow');
  if (shallowText !== null && shallowText !== 'true' && shallowText !== 'false')
    bad('shallow must be true or false');
  const shallow = shallowText === 'true';
  const callback = params.get('callback') ?? undefined;
  if (callback !== undefined && !/^[A-Za-z_$][\w$.]{0,100}$/.test(callback))
    bad('callback must be a JavaScript function name');
  const timeoutText = params.get('timeout');
  const timeoutMs = timeoutText === null ? undefined : parseTimeout(timeoutText);
  const writeSizeLimit = params.get('writeSizeLimit') ?? undefined;
  if (writeSizeLimit !== undefined && !WRITE_SIZE_LIMITS.has(writeSizeLimit)) {
    bad(`writeSizeLimit must be one of tiny, small, medium, large, unlimited; not "${clip(writeSizeLimit)}"`);
  }
  return {
    query: parseQuery(params, shallow),
    print: print ?? undefined,
    shallow,
    exportFormat: format === 'export',
    callback,
    download: params.get('download') ?? undefined,
    timeoutMs,
    writeSizeLimit,
  };
}

function parseTimeout(text: string): number {
  const match = /^(\d{1,9})(ms|s|min)$/.exec(text);
  if (!match) bad('timeout must look like 500ms, 3s or 1min');
  const ms = Number(match[1]) * (match[2] === 'ms' ? 1 : match[2] === 's' ? 1000 : 60_000);
  if (ms > MAX_TIMEOUT_MS) bad('timeout must be at most 15min');
  return ms;
}

function parseIndex(text: string): QueryIndex {
  let name: unknown;
  try {
    name = JSON.parse(text);
  } catch {
    bad('orderBy must be a valid JSON encoded path');
  }
  if (typeof name !== 'string') bad('orderBy must be a valid JSON encoded path');
  if (name === '$key') return { kind: 'key' };
  if (name === '$value') return { kind: 'value' };
  if (name === '$priority') return { kind: 'priority' };
  let path;
  try {
    path = parsePath(name);
  } catch {
    bad(`orderBy must be a valid JSON encoded path ("${clip(name)}" is not a valid child path)`);
  }
  if (path.length === 0) bad('orderBy must name a child path, $key, $value or $priority');
  return { kind: 'child', path };
}

function parseQuery(params: URLSearchParams, shallow: boolean): QuerySpec | undefined {
  const orderBy = params.get('orderBy');
  const present = RANGE_PARAMS.filter((name) => params.has(name));
  if (orderBy === null) {
    if (present.length === 0) return undefined;
    // firebase-tools pages through big trees with shallow + limitToFirst/startAfter and no orderBy.
    if (!shallow) bad('orderBy must be defined when other query parameters are defined');
  } else if (shallow) {
    bad('Mixing shallow with orderBy is not supported');
  }
  const index: QueryIndex = orderBy === null ? { kind: 'key' } : parseIndex(orderBy);
  const spec: QuerySpec = { index };
  const first = params.get('limitToFirst');
  const last = params.get('limitToLast');
  if (first !== null && last !== null) bad('limitToFirst and limitToLast cannot both be defined');
  if (first !== null) spec.limit = { count: parseLimit('limitToFirst', first), from: 'first' };
  if (last !== null) spec.limit = { count: parseLimit('limitToLast', last), from: 'last' };
  const equalTo = params.get('equalTo');
  const startAt = params.get('startAt');
  const startAfter = params.get('startAfter');
  const endAt = params.get('endAt');
  const endBefore = params.get('endBefore');
  if (equalTo !== null && (startAt ?? startAfter ?? endAt ?? endBefore) !== null) {
    bad('equalTo cannot be combined with startAt, startAfter, endAt or endBefore');
  }
  if (startAt !== null && startAfter !== null) bad('startAt and startAfter cannot both be defined');
  if (endAt !== null && endBefore !== null) bad('endAt and endBefore cannot both be defined');
  if (equalTo !== null) {
    spec.start = parseBound('equalTo', equalTo, index, true);
    spec.end = parseBound('equalTo', equalTo, index, true);
  }
  if (startAt !== null) spec.start = parseBound('startAt', startAt, index, true);
  if (startAfter !== null) spec.start = parseBound('startAfter', startAfter, index, false);
  if (endAt !== null) spec.end = parseBound('endAt', endAt, index, true);
  if (endBefore !== null) spec.end = parseBound('endBefore', endBefore, index, false);
  return spec;
}

function parseLimit(name: string, text: string): number {
  if (!/^\d{1,9}$/.test(text)) bad(`${name} must be a positive integer`);
  const count = Number(text);
  if (count < 1) bad(`${name} must be a positive integer`);
  return count;
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function isPrimitive(value: unknown): value is JsonPrimitive {
  return value === null || ['boolean', 'number', 'string'].includes(typeof value);
}

/** `value` or `value,"key"` where both parts are JSON. */
function splitBound(name: string, text: string): { value: JsonPrimitive; key?: string } {
  const whole = tryJson(text);
  if (whole.ok) {
    if (!isPrimitive(whole.value)) bad(`${name}: Constraint index field must be a JSON primitive`);
    return { value: whole.value };
  }
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) {
    const value = tryJson(text.slice(0, i));
    const key = tryJson(text.slice(i + 1));
    if (value.ok && key.ok && isPrimitive(value.value) && typeof key.value === 'string') {
      return { value: value.value, key: key.value };
    }
  }
  return bad(`${name}: Constraint index field must be a JSON primitive (strings need double quotes)`);
}

function parseBound(name: string, text: string, index: QueryIndex, inclusive: boolean): QueryBound {
  const { value, key } = splitBound(name, text);
  if (index.kind === 'key') {
    if (typeof value !== 'string') bad(`${name}: with orderBy "$key" the value must be a string`);
    if (key !== undefined) bad(`${name}: with orderBy "$key" no second key argument is allowed`);
  }
  if (index.kind === 'priority' && typeof value === 'boolean')
    bad(`${name}: priorities are null, numbers or strings`);
  const bound: QueryBound = { value, inclusive };
  if (key !== undefined) bound.key = key;
  return bound;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
