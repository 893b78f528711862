import { describe, expect, it } from 'vitest';
import { runHttpVersionsLab } from '../../src/labs/http-versions-lab.js';

describe('lab http-versions', () => {
  it('opens a connection per HTTP/1.0 request and one for keep-alive and HTTP/2; HPACK makes HTTP/2 smallest', async () => {
    const result = await runHttpVersionsLab({ requests: 20 });
    const by = Object.fromEntries(result.rows.map((row) => [row['protocol'], row]));
    expect(by['HTTP/1.0']?.['connections']).toBe(20);
    expect(by['HTTP/1.1 keep-alive']?.['connections']).toBe(1);
    expect(by['HTTP/2 (h2c)']?.['connections']).toBe(1);
    expect(Number(by['HTTP/2 (h2c)']?.['bytes per request'])).toBeLessThan(
      Number(by['HTTP/1.0']?.['bytes per request']),
    );
    for (const row of result.rows) expect(row['requests']).toBe(20);
  }, 60_000);
});
