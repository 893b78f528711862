import { describe, expect, it } from 'vitest';
import { runMqttLab } from '../../src/labs/mqtt-lab.js';

describe('lab mqtt', () => {
  it('QoS 1 delivers everything through the cuts, QoS 2 never twice, retained and will arrive', async () => {
    const result = await runMqttLab({ messages: 30, cutAfterBytes: 400 });
    const by = Object.fromEntries(
      result.rows.map((row) => [String(row['case']).split(' ').slice(0, 2).join(' '), row]),
    );
    expect(by['QoS 1']?.['lost']).toBe(0);
    expect(by['QoS 2']?.['duplicates']).toBe(0);
    // a QoS 2 message either arrives once or the client library reports it failed
    expect(by['QoS 2']?.['lost']).toBe(by['QoS 2']?.['failed in client']);
    // ... and the only failure mqtt.js reports is the publish it queued during a store replay
    // and dropped when the link was cut again (see docs/assignments/a1.md)
    if (Number(by['QoS 2']?.['failed in client']) > 0)
      expect(by['QoS 2']?.['client said']).toMatch(/^"Connection closed" x\d+$/);
    // resending what the client failed never duplicates, and loses only what failed every time
    expect(by['QoS 2,']?.['duplicates']).toBe(0);
    expect(by['QoS 2,']?.['lost']).toBe(by['QoS 2,']?.['failed in client']);
    expect(Number(by['QoS 1']?.['reconnects'])).toBeGreaterThan(0);
    expect(by['retained message,']?.['delivered']).toBe(1);
    expect(by['last will,']?.['delivered']).toBe(1);
  }, 90_000);
});
