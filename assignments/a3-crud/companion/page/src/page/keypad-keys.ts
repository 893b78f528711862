/** The 4x4 keypad as it is wired: row by row, left to right. */
export const KEYPAD_ROWS: readonly (readonly string[])[] = [
  ['1', '2', '3', 'A'],
  ['4', '5', '6', 'B'],
  ['7', '8', '9', 'C'],
  ['*', '0', '#', 'D'],
];

/** At most this many keys in one request (a threshold and its `#` fit easily). */
export const MAX_KEYS_PER_PRESS = 16;

/**
 * Whether `keys` is a sequence the keypad can produce, e.g. `B1500#`. The page server refuses
 * anything else before it reaches the device.
 * @param keys - the requested key presses, in order
 */
export function isKeypadSequence(keys: unknown): keys is string {
  return (
    typeof keys === 'string' &&
    keys.length >= 1 &&
    keys.length <= MAX_KEYS_PER_PRESS &&
    /^[0-9*#A-D]+$/.test(keys)
  );
}
