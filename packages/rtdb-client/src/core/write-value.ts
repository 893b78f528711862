import { RtdbClientError } from './rtdb-client-error.js';
import { validateKey } from './rtdb-path.js';

const PSEUDO_KEYS = new Set(['.sv', '.value', '.priority']);

function invalid(where: string, problem: string): never {
  throw new RtdbClientError('rtdb-client/invalid-argument', `${where}: ${problem}`);
}

/**
 * Rejects, before anything is sent, values JSON cannot carry faithfully or Firebase refuses:
 * `undefined`, functions, symbols, bigints, NaN/Infinity, and object keys Firebase forbids.
 * (JSON.stringify would silently drop or null some of these and store something else.)
 */
export function validateWriteValue(value: unknown, where = 'value'): void {
  if (value === null) return;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) invalid(where, `${String(value)} is not a finite number`);
      return;
    case 'object':
      break;
    default:
      invalid(where, `a ${typeof value} cannot be stored (only JSON values)`);
  }
  if (Array.isArray(value)) {
    value.forEach((child, index) => {
      if (child !== null && child !== undefined) validateWriteValue(child, `${where}[${index}]`);
    });
    return;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null)
    invalid(where, 'only plain objects, arrays and JSON primitives can be stored');
  for (const [key, child] of Object.entries(value)) {
    if (!PSEUDO_KEYS.has(key)) validateKey(key, `${where}: key`);
    if (child === undefined) invalid(`${where}.${key}`, 'undefined cannot be stored (use null to delete)');
    if (key !== '.sv') validateWriteValue(child, `${where}.${key}`);
  }
}
