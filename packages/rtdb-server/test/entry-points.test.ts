import { describe, expect, it } from 'vitest';

describe('entry points', () => {
  it('@iotkit/rtdb-server/testing holds the test helpers', async () => {
    const testing = await import('@iotkit/rtdb-server/testing');
    expect(Object.keys(testing).sort()).toEqual(['eventually', 'startLocalRtdb']);
  });

  it('@iotkit/rtdb-server/rules holds the rules compiler and engine', async () => {
    const rules = await import('@iotkit/rtdb-server/rules');
    const set = rules.parseRules('{"rules": {".read": "auth != null"}}', 'entry.json');
    expect(set.root.read?.expression?.source).toBe('auth != null');
    expect(() => rules.parseRules('{"rules": {".read": "auth.uid.matches(/(?=x)/)"}}', 'entry.json')).toThrow(
      /entry\.json:1:40/,
    );
  });

  it('the root keeps re-exporting both for existing importers', async () => {
    const root = await import('@iotkit/rtdb-server');
    const rules = await import('@iotkit/rtdb-server/rules');
    expect(root.startLocalRtdb).toBe((await import('@iotkit/rtdb-server/testing')).startLocalRtdb);
    expect(root.parseRules).toBe(rules.parseRules);
    expect(typeof root.startRtdbServer).toBe('function');
  });
});
