import { describe, expect, it } from 'vitest';
import { runPatternsLab } from '../../src/labs/patterns-lab.js';

describe('lab patterns', () => {
  it('delivers every event five ways; long polling asks again after each answer, SSE asks once, MQTT never over HTTP', async () => {
    const result = await runPatternsLab({ events: 10, intervalMs: 30, pollMs: 100 });
    expect(result.rows.map((row) => row['delivered'])).toEqual([10, 10, 10, 10, 10]);
    const by = Object.fromEntries(result.rows.map((row) => [String(row['pattern']).split(' (')[0], row]));
    // a long poll may carry two events when they come close together, so less than 1 per event
    expect(Number(by['long polling']?.['requests per event'])).toBeGreaterThan(
      Number(by['Server-Sent Events']?.['requests per event']),
    );
    expect(by['Server-Sent Events']?.['requests per event']).toBe(0.1);
    expect(by['MQTT']?.['requests per event']).toBe(0);
    for (const row of result.rows)
      expect(Number(row['bytes per event']), String(row['pattern'])).toBeGreaterThan(0);
  }, 60_000);
});
