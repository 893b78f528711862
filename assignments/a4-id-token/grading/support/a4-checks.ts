import type { DeviceSession } from '@iotkit/devices';

/** One stored reading. */
export interface StoredReading {
  readonly key: string;
  readonly ir: unknown;
  readonly seq: unknown;
  readonly ts: unknown;
}

/** The readings under `/devices/{uid}/readings`, in push-key (= time) order. */
export function readingsOf(value: unknown): StoredReading[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, Record<string, unknown>>)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, r]) => ({ key, ir: r?.['ir'], seq: r?.['seq'], ts: r?.['ts'] }));
}

/**
 * The stored readings split into boots: `seq` starts at 1 after each boot and goes up by one.
 * Returns each run's length when every run is 1, 2, 3 … without a gap or repeat, else the first
 * problem in words (a lost reading shows as a gap).
 * @param readings - from {@link readingsOf}
 */
export function storedSeqRuns(readings: readonly StoredReading[]): number[] | string {
  const runs: number[] = [];
  let expected = 1;
  for (const r of readings) {
    if (r.seq === 1 && expected !== 1) {
      runs.push(expected - 1);
      expected = 1;
    }
    if (r.seq !== expected)
      return `reading ${r.key} has seq ${JSON.stringify(r.seq)} where ${expected} was next: a reading was lost or sent twice`;
    expected += 1;
  }
  if (expected > 1) runs.push(expected - 1);
  return runs;
}

/**
 * Log lines and LCD rows that contain one of `tokens` (or a 16-character piece of one, so a
 * token cut to fit a line still counts).
 * @param device - the device session
 * @param tokens - every token it was given or could have been given
 */
export function tokenLeaks(device: DeviceSession, tokens: readonly string[]): string[] {
  const pieces = new Set<string>();
  for (const token of tokens) {
    // ID tokens share their header; look at the claims and signature part instead.
    const body = token.includes('.') ? token.slice(token.indexOf('.') + 1) : token;
    for (let i = 0; i + 16 <= body.length; i += 8) pieces.add(body.slice(i, i + 16));
    if (body.length < 16 && body.length >= 8) pieces.add(body);
  }
  const texts = [
    ...device.logs().map((e) => `log: ${e.msg}`),
    ...device.lcdHistory().map((rows) => `LCD: ${rows.join(' / ')}`),
  ];
  return texts
    .filter((text) => [...pieces].some((piece) => text.includes(piece)))
    .map((t) => t.slice(0, 120));
}
