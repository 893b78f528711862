const INTEGER_KEY = /^-?(0*)\d{1,10}$/;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** The numeric value of a key Firebase treats as an integer (int32 range), else `null`. */
function integerKey(key: string): number | null {
  if (!INTEGER_KEY.test(key)) return null;
  const value = Number(key);
  return value >= INT32_MIN && value <= INT32_MAX ? value : null;
}

/**
 * Firebase's key order: int32-like keys first, numerically (ties such as `"1"`/`"01"` by length),
 * then every other key by UTF-16 code units.
 */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  const aInt = integerKey(a);
  const bInt = integerKey(b);
  if (aInt !== null && bInt !== null) return aInt === bInt ? a.length - b.length : aInt - bInt;
  if (aInt !== null) return -1;
  if (bInt !== null) return 1;
  return a < b ? -1 : 1;
}
