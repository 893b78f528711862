import { describe, expect, it } from 'vitest';
import { runTokensLab } from '../../src/labs/tokens-lab.js';

describe('lab tokens', () => {
  it('decodes a valid emulator ID token; the database takes it as auth=, refuses no token, garbage and another uid', async () => {
    const result = await runTokensLab();
    const codes = Object.fromEntries(
      result.rows.map((row) => [String(row['request']).split(':')[0], row['code']]),
    );
    expect(codes['decode']).toBe(0);
    expect(codes['PUT with no credential']).toBe(401);
    expect(codes['PUT ?auth=<ID token>']).toBe(200);
    expect(codes['PUT ?auth=<opaque string>']).toBe(401);
    expect(codes["PUT ?auth=<another user's ID token>"]).toBe(401);
  }, 150_000);
});
