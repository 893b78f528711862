/**
 * Finds the first `major.minor[.patch]` version number in a program's output.
 *
 * @param text - e.g. `g++ (Debian 12.2.0-14) 12.2.0` or `openjdk version "17.0.15"`
 * @returns the numbers, or undefined when there is none
 */
export function parseVersion(text: string): number[] | undefined {
  const match = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

/**
 * Whether `actual` is at least `minimum`, comparing component by component.
 *
 * @param actual - a parsed version
 * @param minimum - the required version
 * @returns true when high enough
 */
export function versionAtLeast(actual: readonly number[], minimum: readonly number[]): boolean {
  for (let i = 0; i < Math.max(actual.length, minimum.length); i += 1) {
    const a = actual[i] ?? 0;
    const m = minimum[i] ?? 0;
    if (a !== m) return a > m;
  }
  return true;
}
