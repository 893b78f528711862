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

  it('the root holds what running a server needs, and neither test helpers nor the rules compiler', async () => {
    const root: Record<string, unknown> = await import('@iotkit/rtdb-server');
    expect(typeof root['startRtdbServer']).toBe('function');
    expect(typeof root['createLogger']).toBe('function');
    expect(typeof root['Database']).toBe('function');
    for (const name of [
      'startLocalRtdb',
      'eventually',
      'parseRules',
      'RulesRegistry',
      'nodeHash',
      'formatSseEvent',
    ])
      expect(root, name).not.toHaveProperty(name);
  });
});
