/** Sorts before every key (query sentinel, never stored). */
export const MIN_NAME = '[MIN_NAME]';
/** Sorts after every key (query sentinel, never stored). */
export const MAX_NAME = '[MAX_NAME]';

const INTEGER_KEY = /^-?(0*)\d{1,10}$/;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** The key's value when Firebase treats it as an integer key (int32 range), else `null`. */
export function integerKeyValue(key: string): number | null {
  if (!INTEGER_KEY.test(key)) return null;
  const value = Number(key);
  return value >= INT32_MIN && value <= INT32_MAX ? value : null;
}

/**
 * Firebase's key order: the sentinels at the ends, then integer-like keys numerically (a shorter
 * spelling first on ties, so `1` < `01`), then every other key by UTF-16 code units.
 */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  if (a === MIN_NAME || b === MAX_NAME) return -1;
  if (b === MIN_NAME || a === MAX_NAME) return 1;
  const aInt = integerKeyValue(a);
  const bInt = integerKeyValue(b);
  if (aInt !== null) {
    if (bInt === null) return -1;
    return aInt === bInt ? a.length - b.length : aInt - bInt;
  }
  if (bInt !== null) return 1;
  return a < b ? -1 : 1;
}
