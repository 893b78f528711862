import { describe, expect, it } from 'vitest';
import { RtdbError } from '../../src/index.js';
import { useServer } from './rest-harness.js';

const seen: [string, string][] = [];
const { call, server } = useServer({
  onRulesPut: (ns, text) => {
    if (text.includes('REFUSE'))
      throw new RtdbError('rtdb/invalid-rules', 'Error saving rules - line 1: refused by test');
    seen.push([ns, text]);
  },
});
const OWNER = { Authorization: 'Bearer owner' };

describe('/.settings/rules.json', () => {
  it('reports open rules before any were loaded', async () => {
    const reply = await call('GET', '/.settings/rules.json?ns=rules-a', { headers: OWNER });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ rules: { '.read': true, '.write': true } });
  });

  it('stores raw text per namespace (comments kept) and hands it to the rules hook', async () => {
    const text = '{\n  // comment\n  "rules": { ".read": "auth != null", ".write": false }\n}';
    const put = await call('PUT', '/.settings/rules.json?ns=rules-a', { raw: text, headers: OWNER });
    expect(put.status).toBe(200);
    expect(put.json).toEqual({ status: 'ok' });
    expect(seen).toEqual([['rules-a', text]]);
    expect((await call('GET', '/.settings/rules.json?ns=rules-a', { headers: OWNER })).text).toBe(text);
    expect(
      (await call('GET', '/.settings/rules.json?ns=rules-a&format=strict', { headers: OWNER })).json,
    ).toEqual({
      rules: { '.read': 'auth != null', '.write': false },
    });
    expect((await call('GET', '/.settings/rules.json?ns=rules-b', { headers: OWNER })).json).toEqual({
      rules: { '.read': true, '.write': true },
    });
    expect(server().rulesText('rules-a')).toBe(text);
  });

  it('refuses rules the hook rejects and keeps the old ones', async () => {
    const put = await call('PUT', '/.settings/rules.json?ns=rules-a', {
      raw: '{"rules": {"REFUSE": true}}',
      headers: OWNER,
    });
    expect(put.status).toBe(400);
    expect(put.json).toEqual({ error: 'Error saving rules - line 1: refused by test' });
    expect((await call('GET', '/.settings/rules.json?ns=rules-a', { headers: OWNER })).text).toContain(
      '// comment',
    );
  });

  it('is admin only', async () => {
    expect((await call('GET', '/.settings/rules.json?ns=rules-a')).status).toBe(401);
    const put = await call('PUT', '/.settings/rules.json?ns=rules-a', { raw: '{"rules":{}}' });
    expect(put.status).toBe(401);
    expect(put.json).toEqual({ error: 'Permission denied' });
  });
});

describe('rules text without a hook', () => {
  const plain = useServer();
  it('refuses text that is not a rules object', async () => {
    const reply = await plain.call('PUT', '/.settings/rules.json?ns=x', {
      raw: '{"rules": ',
      headers: OWNER,
    });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({ error: expect.stringContaining('rules') });
    const noRules = await plain.call('PUT', '/.settings/rules.json?ns=x', {
      raw: '{"other": {}}',
      headers: OWNER,
    });
    expect(noRules.status).toBe(400);
  });
});
