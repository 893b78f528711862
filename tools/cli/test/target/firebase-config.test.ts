import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CliError, readFirebaseConfig } from '../../src/index.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const dirs: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'iotkit-config-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('readFirebaseConfig()', () => {
  it("reads the repository's own firebase.json and .firebaserc", () => {
    expect(readFirebaseConfig(repoRoot)).toEqual({
      auth: { host: '127.0.0.1', port: 9099 },
      database: { host: '127.0.0.1', port: 9000 },
      defaultProject: 'demo-iotkit',
    });
  });

  it('falls back to the emulator defaults without files', () => {
    expect(readFirebaseConfig(folder({}))).toEqual({
      auth: { host: '127.0.0.1', port: 9099 },
      database: { host: '127.0.0.1', port: 9000 },
      defaultProject: undefined,
    });
  });

  it('rejects a firebase.json that is not JSON, naming the file', () => {
    const dir = folder({ 'firebase.json': '{ emulators: ' });
    expect(() => readFirebaseConfig(dir)).toThrow(CliError);
    expect(() => readFirebaseConfig(dir)).toThrow(/firebase\.json is not valid JSON/);
  });

  it('rejects a port that is not a port', () => {
    const dir = folder({ 'firebase.json': JSON.stringify({ emulators: { auth: { port: 'high' } } }) });
    expect(() => readFirebaseConfig(dir)).toThrow(/emulators\.auth\.port must be a port number, got "high"/);
  });
});
