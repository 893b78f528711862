import { describe, expect, it } from 'vitest';
import { runRtdbLab } from '../../src/labs/rtdb-lab.js';

describe('lab rtdb', () => {
  it('shows one write as the REST answer, an SSE put event, the SDK data frame, and the tree', async () => {
    const result = await runRtdbLab();
    const text = (prefix: string): string[] =>
      result.rows.filter((r) => String(r['message']).includes(prefix)).map((r) => String(r['text']));
    expect(text('REST: client → server')[0]).toMatch(/^PUT \/lab\/sensor\.json\?ns=a1-rtdb-lab HTTP\/1\.1/);
    expect(text('REST: server → client')[0]).toMatch(/^HTTP\/1\.1 200 OK⏎/);
    expect(
      text('SSE stream: server → client').some((t) =>
        /event: put⏎data: \{"path":"\/","data":\{"ir":512,"ts":\d+\}\}/.test(t),
      ),
    ).toBe(true);
    // The realtime protocol: the SDK listens ("q") and the server pushes a data message ("d") for the write.
    expect(text('SDK WebSocket: client → server (before)').some((t) => t.includes('"a":"q"'))).toBe(true);
    expect(
      text('SDK WebSocket: server → client').some((t) => t.includes('"a":"d"') && t.includes('"ir":512')),
    ).toBe(true);
    const tree = JSON.parse(text('data tree')[0] ?? 'null') as {
      lab?: { sensor?: { ir?: number; ts?: number } };
    };
    expect(tree.lab?.sensor?.ir).toBe(512);
    expect(typeof tree.lab?.sensor?.ts).toBe('number');
    for (const row of result.rows) expect(row['bytes'], String(row['message'])).toBeGreaterThan(0);
  }, 60_000);
});
