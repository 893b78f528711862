import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readDeviceStore, writeHandoffToStore } from '../../../companion/provision/src/device-store-file.js';
import { HANDOFF_STORE_KEY, handoffLine } from '../../../companion/provision/src/token-handoff.js';

const dirs: string[] = [];
const freshFile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'a4-store-test-'));
  dirs.push(dir);
  return join(dir, 'store.json');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const handoff = { idToken: 'aGVhZA.Ym9keQ.', refreshToken: 'r-1', expiresAt: 1767229200000.7 };

describe('device store file', () => {
  it('reads a missing file as an empty store', () => {
    expect(readDeviceStore(freshFile())).toEqual({});
  });

  it('adds the hand-over and keeps what the device saved', () => {
    const file = freshFile();
    writeFileSync(file, JSON.stringify({ refresh_token: 'old' }));
    writeHandoffToStore(file, handoff);
    const store = readDeviceStore(file);
    expect(store['refresh_token']).toBe('old');
    expect(JSON.parse(store[HANDOFF_STORE_KEY] ?? '')).toEqual({
      idToken: 'aGVhZA.Ym9keQ.',
      refreshToken: 'r-1',
      expiresAt: 1767229200000,
    });
  });

  it('writes the one-line JSON the firmware parses, expiresAt in whole milliseconds', () => {
    expect(handoffLine(handoff)).toBe(
      '{"idToken":"aGVhZA.Ym9keQ.","refreshToken":"r-1","expiresAt":1767229200000}',
    );
  });

  it.each([
    ['not JSON', '{nope'],
    ['an array', '[1]'],
    ['a non-string entry', '{"refresh_token": 5}'],
  ])('refuses a file that is %s with a4/bad-store-file, leaving it untouched', (_what, text) => {
    const file = freshFile();
    writeFileSync(file, text);
    expect(() => writeHandoffToStore(file, handoff)).toThrow(
      expect.objectContaining({ code: 'a4/bad-store-file' }),
    );
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
