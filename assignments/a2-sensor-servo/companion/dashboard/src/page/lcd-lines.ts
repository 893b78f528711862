/**
 * The two 16-column rows of the LCD mirror from `/devices/{uid}/lcd` (`{line1, line2}`): padded
 * or cut to 16 characters so the page draws the same grid as the real display.
 */
export function lcdLines(value: unknown): [string, string] {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const row = (text: unknown): string => (typeof text === 'string' ? text : '').slice(0, 16).padEnd(16, ' ');
  return [row(v['line1']), row(v['line2'])];
}
